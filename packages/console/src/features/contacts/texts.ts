import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { contactsCy } from './texts-cy.ts';
import { contactsEn, type ContactsTexts } from './texts-en.ts';

/** Loaded with the logged-contact and social-media pages (they are split from the rest of the console). */
export const contactsTexts: Catalogue<ContactsTexts> = { en: contactsEn, cy: contactsCy };

export const useContactsTexts = () => useTexts(contactsTexts);
