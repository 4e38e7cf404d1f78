import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { consentsCy } from './texts-cy.ts';
import { consentsEn, type ConsentsTexts } from './texts-en.ts';

/** Loaded with the consents and privacy notices pages only. */
export const consentsTexts: Catalogue<ConsentsTexts> = { en: consentsEn, cy: consentsCy };

export const useConsentsTexts = () => useTexts(consentsTexts);
