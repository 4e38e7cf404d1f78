import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { retentionCy } from './texts-cy.ts';
import { retentionEn, type RetentionTexts } from './texts-en.ts';

/** Loaded with the retention page, and with the legal hold section on conversation and case pages. */
export const retentionTexts: Catalogue<RetentionTexts> = { en: retentionEn, cy: retentionCy };

export const useRetentionTexts = () => useTexts(retentionTexts);
