import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { rightsCy } from './texts-cy.ts';
import { rightsEn, type RightsTexts } from './texts-en.ts';
import { rightsDataCy } from './texts-data-cy.ts';
import { rightsDataEn, type RightsDataTexts } from './texts-data-en.ts';

/** Loaded with the rights request pages only. */
export const rightsTexts: Catalogue<RightsTexts> = { en: rightsEn, cy: rightsCy };

export const useRightsTexts = () => useTexts(rightsTexts);

export const rightsDataTexts: Catalogue<RightsDataTexts> = { en: rightsDataEn, cy: rightsDataCy };

export const useRightsDataTexts = () => useTexts(rightsDataTexts);
