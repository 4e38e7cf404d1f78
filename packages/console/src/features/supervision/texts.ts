import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { supervisionCy } from './texts-cy.ts';
import { supervisionEn, type SupervisionTexts } from './texts-en.ts';

/** Loaded with the live view and watched-chat pages only. */
export const supervisionTexts: Catalogue<SupervisionTexts> = { en: supervisionEn, cy: supervisionCy };

export const useSupervisionTexts = () => useTexts(supervisionTexts);
