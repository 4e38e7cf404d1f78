import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { chatsCy } from './texts-cy.ts';
import { chatsEn, type ChatsTexts } from './texts-en.ts';
import { chatWorkCy } from './texts-work-cy.ts';
import { chatWorkEn, type ChatWorkTexts } from './texts-work-en.ts';

export const chatsTexts: Catalogue<ChatsTexts> = { en: chatsEn, cy: chatsCy };

export const useChatsTexts = () => useTexts(chatsTexts);

export const chatWorkTexts: Catalogue<ChatWorkTexts> = { en: chatWorkEn, cy: chatWorkCy };

export const useChatWorkTexts = () => useTexts(chatWorkTexts);
