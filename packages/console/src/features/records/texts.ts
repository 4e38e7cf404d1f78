import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { recordsCy } from './texts-cy.ts';
import { recordsEn, type RecordsTexts } from './texts-en.ts';

/** Loaded with the records pages only. */
export const recordsTexts: Catalogue<RecordsTexts> = { en: recordsEn, cy: recordsCy };

export const useRecordsTexts = () => useTexts(recordsTexts);
