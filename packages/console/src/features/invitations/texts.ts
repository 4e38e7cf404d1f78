import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { invitationsCy } from './texts-cy.ts';
import { invitationsEn, type InvitationsTexts } from './texts-en.ts';

/** Loaded with the accept-an-invitation page only. */
export const invitationsTexts: Catalogue<InvitationsTexts> = { en: invitationsEn, cy: invitationsCy };

export const useInvitationsTexts = () => useTexts(invitationsTexts);
