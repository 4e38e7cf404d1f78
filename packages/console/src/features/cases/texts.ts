import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { casesCy } from './texts-cy.ts';
import { casesEn, type CasesTexts } from './texts-en.ts';

/** Loaded with the cases pages (they are split from the rest of the console). */
export const casesTexts: Catalogue<CasesTexts> = { en: casesEn, cy: casesCy };

export const useCasesTexts = () => useTexts(casesTexts);
