import * as z from 'zod';

import { redactionCategories } from './redaction-markers.ts';

export { redactionCategories, redactionMarkers } from './redaction-markers.ts';
export const RedactionCategory = z.enum(redactionCategories);
export type RedactionCategory = z.infer<typeof RedactionCategory>;
