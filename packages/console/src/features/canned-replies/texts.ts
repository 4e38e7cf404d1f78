import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { cannedRepliesCy } from './texts-cy.ts';
import { cannedRepliesEn, type CannedRepliesTexts } from './texts-en.ts';

/** Loaded with the Canned replies page only. */
export const cannedRepliesTexts: Catalogue<CannedRepliesTexts> = { en: cannedRepliesEn, cy: cannedRepliesCy };

export const useCannedRepliesTexts = () => useTexts(cannedRepliesTexts);
