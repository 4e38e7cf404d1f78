import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { mfaCy } from './texts-cy.ts';
import { mfaEn, type MfaTexts } from './texts-en.ts';

/** Loaded with the two-step sign-in page only. */
export const mfaTexts: Catalogue<MfaTexts> = { en: mfaEn, cy: mfaCy };

export const useMfaTexts = () => useTexts(mfaTexts);
