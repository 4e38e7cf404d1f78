import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { processingCy } from './texts-cy.ts';
import { processingEn, type ProcessingTexts } from './texts-en.ts';

/** Loaded with the disclosure log and the record of processing only. */
export const processingTexts: Catalogue<ProcessingTexts> = { en: processingEn, cy: processingCy };

export const useProcessingTexts = () => useTexts(processingTexts);
