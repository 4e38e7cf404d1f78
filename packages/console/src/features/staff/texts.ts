import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { staffCy } from './texts-cy.ts';
import { staffEn, type StaffTexts } from './texts-en.ts';

/** Loaded with the Staff page only. */
export const staffTexts: Catalogue<StaffTexts> = { en: staffEn, cy: staffCy };

export const useStaffTexts = () => useTexts(staffTexts);
