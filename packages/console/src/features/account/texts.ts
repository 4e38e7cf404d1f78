import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { accountCy } from './texts-cy.ts';
import { accountEn, type AccountTexts } from './texts-en.ts';

/** Loaded with the Account page only (it is split from the rest of the console). */
export const accountTexts: Catalogue<AccountTexts> = { en: accountEn, cy: accountCy };

export const useAccountTexts = () => useTexts(accountTexts);
