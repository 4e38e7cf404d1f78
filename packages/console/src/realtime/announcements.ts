import type { Catalogue } from '../i18n/catalogue.ts';
import { announcementsCy } from './announcements-cy.ts';
import { announcementsEn, type AnnouncementTexts } from './announcements-en.ts';

/** The chats workspace's announcements and statuses in both languages (ADR 51). */
export const announcementTexts: Catalogue<AnnouncementTexts> = { en: announcementsEn, cy: announcementsCy };
