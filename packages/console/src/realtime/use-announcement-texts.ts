import { useTexts } from '../i18n/language.tsx';
import { announcementTexts } from './announcements.ts';

/** The workspace's announcements and statuses in the console's language. */
export const useAnnouncementTexts = () => useTexts(announcementTexts);
