import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { apiKeysCy } from './texts-cy.ts';
import { apiKeysEn, type ApiKeysTexts } from './texts-en.ts';

/** Loaded with the API keys page only. */
export const apiKeysTexts: Catalogue<ApiKeysTexts> = { en: apiKeysEn, cy: apiKeysCy };

export const useApiKeysTexts = () => useTexts(apiKeysTexts);
