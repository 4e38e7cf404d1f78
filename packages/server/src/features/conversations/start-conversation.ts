import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { consentCheckboxLabelsIn, londonToday, textIn } from '@ward/protocol';
import type { StartConversationBody, StartConversationResponse } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { captureAutomaticInformation } from './automatic-information.rules.ts';
import { locateIpAddress } from './ip-location-database.ts';
import { storedLocation } from './ip-location.rules.ts';
import { createConversationSubject, insertConversation } from './conversations.repository.ts';
import { indexTerms } from '../crypto/blind-index.rules.ts';
import { insertBlindIndexes } from '../crypto/blind-indexes.repository.ts';
import { newCaseReference } from '../cases/case-reference.ts';
import { CaseReferenceTaken, openCase } from '../cases/open-case.ts';
import { termsForNewContact } from '../consents/contact-terms.ts';
import { checkboxWording } from '../consents/contact-terms.rules.ts';
import { recordConsents } from '../consents/record-consent.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { chatEvent } from './chat-events.rules.ts';
import { preChatAnswersToStore } from './pre-chat-answers.rules.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest();

export async function startConversation(
  ctx: ServiceContext,
  body: StartConversationBody,
  request: { ip: string | undefined; userAgent: string | undefined },
): Promise<StartConversationResponse> {
  const { settings } = ctx.organisation;
  const topic = settings.topics.find((t) => t.id === body.topic);
  if (!topic) throw new AppError('bad_request', 'Select what your enquiry is about', { reason: 'topic-required' });
  const language = body.language ?? 'en';
  if (settings.consent && body.consent !== true) {
    throw new AppError('bad_request', 'Confirm that you have read how we use your information', {
      reason: 'consent-required',
    });
  }
  const preChatAnswers = preChatAnswersToStore(settings, topic.id, body.answers, londonToday(new Date()), language);
  const visitorToken = randomBytes(32).toString('base64url');
  const info = captureAutomaticInformation(request, settings.capture);
  // From the full address, before it is shortened: only names as precise as a town are kept (ADR 46).
  const location = await locateIpAddress(request.ip, settings.capture.location);
  // A clash of case references is astronomically rare but possible: try again with a new one.
  for (let attempt = 0; ; attempt++) {
    const caseReference = newCaseReference();
    try {
      const conversationId = randomUUID();
      await ctx.db.transaction().execute(async (tx) => {
        const subject = await createConversationSubject(tx, ctx.keyring, ctx.organisation.id);
        const terms = await termsForNewContact(tx, ctx.organisation);
        await insertConversation(tx, subject.key, {
          id: conversationId,
          organisation_id: ctx.organisation.id,
          data_subject_id: subject.id,
          case_reference: caseReference,
          status: 'waiting',
          topic_id: topic.id,
          // Staff read the topic in English; the resident's language is kept beside it (ADR 49).
          topic_label: textIn(topic.label, 'en'),
          language,
          visitor_name: body.name,
          visitor_email: body.email ? body.email : null,
          visitor_token_hash: hashToken(visitorToken),
          assigned_staff_id: null,
          accepted_at: null,
          ended_at: null,
          summary: null,
          consent_given: body.consent === true,
          ip_address: info.ipAddress,
          browser: info.browser,
          operating_system: info.operatingSystem,
          location: location && storedLocation(location),
          survey_rating: null,
          survey_comment: null,
          transcript_email: null,
          transcript_requested_at: null,
          privacy_notice_id: terms.privacy_notice_id,
          lawful_bases: terms.lawful_bases,
          pre_chat_answers: preChatAnswers && JSON.stringify(preChatAnswers),
        });
        if (settings.consent && body.consent === true) {
          await recordConsents(tx, [
            {
              organisationId: ctx.organisation.id,
              dataSubjectId: subject.id,
              conversationId,
              purpose: 'enquiries',
              method: 'pre-chat-form',
              // The words the resident read and ticked, in their language (ADR 49).
              wording: checkboxWording(
                textIn(settings.consent.summary, language),
                consentCheckboxLabelsIn(language).preChat,
                terms.noticeVersion,
              ),
              privacyNoticeId: terms.privacy_notice_id,
            },
          ]);
        }
        // Every chat is a case (ADR 14), in the department its topic belongs to.
        await openCase(tx, {
          organisationId: ctx.organisation.id,
          channel: 'chat',
          topic: textIn(topic.label, 'en'),
          departmentId: topic.department,
          dataSubjectId: subject.id,
          dataKey: subject.key,
          conversationId,
          createdBy: 'system:chat',
          caseReference,
        });
        // Blind indexes for staff search (ADR 13): digests of the email, name tokens and case reference.
        await insertBlindIndexes(
          tx,
          ctx.indexKey,
          {
            organisationId: ctx.organisation.id,
            dataSubjectId: subject.id,
            recordType: 'conversation',
            recordId: conversationId,
          },
          indexTerms({ email: body.email, name: body.name, caseReference }),
        );
        // Every chat is offered and joins its department's queue at once (ADR 36).
        const chat = {
          id: conversationId,
          organisation_id: ctx.organisation.id,
          topic_id: topic.id,
          assigned_staff_id: null,
        };
        await recordContactEvents(tx, [
          chatEvent(settings, chat, 'chat-requested'),
          chatEvent(settings, chat, 'chat-queued'),
        ]);
      });
      ctx.events.publish('conversation.started', { organisationId: ctx.organisation.id, conversationId });
      return { conversationId, caseReference, visitorToken };
    } catch (error) {
      const unique = error instanceof CaseReferenceTaken || (error as { code?: string }).code === '23505';
      if (!unique || attempt >= 5) throw error;
    }
  }
}
