import { consentCheckboxLabelsIn, textIn, type Language } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { OrganisationSettings } from '../../shared/organisation-settings.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { conversationEntry, recordAudit, staffActor, systemActor } from '../audit/record-audit.ts';
import { checkboxWording } from '../consents/contact-terms.rules.ts';
import { recordConsents } from '../consents/record-consent.ts';
import { findNoticeById } from '../consents/privacy-notices.repository.ts';
import { lockConversation, updateConversation } from './conversations.repository.ts';

const defaultSummary = {
  en: 'We will use what you tell us in this chat to answer your enquiry and keep a record of it, as our privacy notice explains.',
  cy: 'Byddwn yn defnyddio’r hyn a ddywedwch wrthym yn y sgwrs hon i ateb eich ymholiad a chadw cofnod ohono, fel y mae ein hysbysiad preifatrwydd yn ei egluro.',
};

/** What the resident is asked to agree to in the chat, in its language: the council's summary, or Ward's default. */
export function dialogueConsentSummary(settings: OrganisationSettings, language: Language = 'en'): string {
  return settings.consent ? textIn(settings.consent.summary, language) : defaultSummary[language];
}

/** The adviser handling a live chat asks the resident for their consent (ADR 37): the widget shows a checkbox. */
export async function askForConsent(ctx: ServiceContext, staff: StaffPrincipal, conversationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== staff.organisationId) throw notFound('The conversation');
    if (row.assigned_staff_id !== staff.id)
      throw new AppError('forbidden', 'Only the adviser handling this chat can do that');
    if (row.status !== 'active') throw new AppError('conflict', 'Consent can only be asked for during the chat');
    if (row.consent_given) throw new AppError('conflict', 'The resident has already given their consent');
    await updateConversation(tx, row, { consent_requested_at: new Date() });
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'update',
        purpose: 'consent',
        fields: ['consent_requested_at'],
      }),
    );
  });
  ctx.events.publish('conversation.changed', { organisationId: staff.organisationId, conversationId });
}

/** The resident ticks the box the adviser asked for: the consent is recorded with the words shown. */
export async function giveConsentInChat(ctx: ServiceContext, conversationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    if (!row.consent_requested_at) throw new AppError('conflict', 'Your consent has not been asked for');
    const notice = row.privacy_notice_id ? await findNoticeById(tx, row.privacy_notice_id) : null;
    await updateConversation(tx, row, { consent_given: true, consent_requested_at: null });
    await recordConsents(tx, [
      {
        organisationId: row.organisation_id,
        dataSubjectId: row.data_subject_id,
        conversationId,
        purpose: 'enquiries',
        method: 'dialogue',
        wording: checkboxWording(
          dialogueConsentSummary(ctx.organisation.settings, row.language),
          consentCheckboxLabelsIn(row.language).dialogue,
          notice?.version ?? null,
        ),
        privacyNoticeId: row.privacy_notice_id,
      },
    ]);
    await recordAudit(
      tx,
      conversationEntry(row, { actor: systemActor, action: 'update', purpose: 'consent', fields: ['consent_given'] }),
    );
  });
  ctx.events.publish('conversation.changed', { organisationId: ctx.organisation.id, conversationId });
}
