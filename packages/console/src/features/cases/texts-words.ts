import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { caseWordsCy } from './texts-words-cy.ts';
import { caseWordsEn, type CaseWords } from './texts-words-en.ts';

/** Statuses, channels and history: also for the chats workspace's quoted cases, so a small catalogue of its own. */
export const caseWordsTexts: Catalogue<CaseWords> = { en: caseWordsEn, cy: caseWordsCy };

export const useCaseWords = () => useTexts(caseWordsTexts);
