import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { openingHoursCy } from './texts-cy.ts';
import { openingHoursEn, type OpeningHoursTexts } from './texts-en.ts';

/** Loaded with the Opening hours page only. */
export const openingHoursTexts: Catalogue<OpeningHoursTexts> = { en: openingHoursEn, cy: openingHoursCy };

export const useOpeningHoursTexts = () => useTexts(openingHoursTexts);
