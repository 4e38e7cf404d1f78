import type { RedactionCategory } from '@ward/protocol';

/** A stretch of text to replace: [start, end) of the text as given, and what to put there. */
export type RedactionSpan = { start: number; end: number; category: RedactionCategory; marker: string };
