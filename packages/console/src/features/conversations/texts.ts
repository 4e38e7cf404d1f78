import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { conversationsCy } from './texts-cy.ts';
import { conversationsEn, type ConversationsTexts } from './texts-en.ts';

/** Loaded with the conversations pages, and with the cases pages that find a case the same way. */
export const conversationsTexts: Catalogue<ConversationsTexts> = { en: conversationsEn, cy: conversationsCy };

export const useConversationsTexts = () => useTexts(conversationsTexts);
