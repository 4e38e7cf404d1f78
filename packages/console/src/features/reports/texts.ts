import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { reportsCy } from './texts-cy.ts';
import { reportsEn, type ReportsTexts } from './texts-en.ts';

/** Loaded with the Reports and Wallboard pages only. */
export const reportsTexts: Catalogue<ReportsTexts> = { en: reportsEn, cy: reportsCy };

export const useReportsTexts = () => useTexts(reportsTexts);
