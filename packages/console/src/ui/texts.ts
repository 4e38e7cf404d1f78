import type { Catalogue } from '../i18n/catalogue.ts';
import { useTexts } from '../i18n/language.tsx';
import { uiCy } from './texts-cy.ts';
import { uiEn, type UiTexts } from './texts-en.ts';

/** The shared parts' texts: small, and used on every page, so they come with the console itself. */
export const uiTexts: Catalogue<UiTexts> = { en: uiEn, cy: uiCy };

export const useUiTexts = () => useTexts(uiTexts);
