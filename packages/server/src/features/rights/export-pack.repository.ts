import { listAnswerCorrections } from '../forms/form-submissions.repository.ts';
import { consentMethodLabels } from '@ward/protocol';
import { consentsOfSubjects } from '../consents/consents.repository.ts';
import type { FormDefinition } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadSubjectKeys, openField } from '../crypto/subject-keys.ts';
import { openRecordDetail } from '../records/record-details.repository.ts';
import { openMessage } from '../conversations/conversation-records.repository.ts';
import { readPreChatAnswers } from '../conversations/pre-chat-answers.rules.ts';
import { readLocation } from '../conversations/ip-location.rules.ts';
import { openAnswers } from '../forms/form-submissions.repository.ts';
import { displayAnswers } from '../forms/form-answers.rules.ts';
import { listCaseDisclosures } from '../cases/disclosures.repository.ts';
import type {
  OpenedCase,
  OpenedConversation,
  OpenedDisclosure,
  OpenedEmail,
  OpenedFormSubmission,
  OpenedRecord,
  ScopeContents,
} from './export-pack.types.ts';
import type { SubjectScope } from './subject-scope.rules.ts';

/**
 * Reads every item of a subject scope (ADR 32) and opens it with its own key, in a few queries
 * whatever the number of contacts (a pack for 1,000 chats is one query per kind). An item whose
 * key was destroyed shows `[erased]`; one that retention emptied has no personal data left.
 */
export async function openScopeContents(
  db: DbOrTx,
  keyring: Keyring,
  scope: SubjectScope,
  forms: readonly FormDefinition[],
): Promise<ScopeContents> {
  const keys = await loadSubjectKeys(db, keyring, scope.dataSubjectIds);
  const keyOf = (dataSubjectId: string) => keys.get(dataSubjectId) ?? null;
  const [consents, records, cases, conversations, formSubmissions, emails, disclosures] = [
    (await consentsOfSubjects(db, scope.organisationId, scope.dataSubjectIds)).map((c) => ({
      conversationId: c.conversationId,
      caseReference: c.caseReference,
      purpose: c.purpose,
      how: consentMethodLabels[c.method],
      wording: c.wording,
      noticeVersion: c.noticeVersion,
      givenAt: c.givenAt,
      withdrawnAt: c.withdrawnAt,
    })),
    await openRecords(db, scope, keyOf),
    await openCases(db, scope, keyOf),
    await openScopeConversations(db, keyring, scope, keys),
    await openFormSubmissions(db, scope, keyOf, forms),
    await openEmails(db, scope, keyOf),
    await openDisclosures(db, scope, keyOf),
  ];
  return { consents, records, cases, conversations, formSubmissions, emails, disclosures };
}

type KeyOf = (dataSubjectId: string) => Buffer | null;
const ids = <T extends { id: string }>(items: readonly T[]) => items.map((item) => item.id);

async function openRecords(db: DbOrTx, scope: SubjectScope, keyOf: KeyOf): Promise<OpenedRecord[]> {
  if (scope.records.length === 0) return [];
  const [heads, details] = await Promise.all([
    db
      .selectFrom('customer_records')
      .select(['id', 'data_subject_id', 'created_at'])
      .where('organisation_id', '=', scope.organisationId)
      .where('id', 'in', ids(scope.records))
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('record_details')
      .select(['id', 'record_id', 'value', 'created_at'])
      .where('organisation_id', '=', scope.organisationId)
      .where('record_id', 'in', ids(scope.records))
      .where('superseded_at', 'is', null)
      .orderBy('created_at')
      .execute(),
  ]);
  return heads.map((head) => ({
    id: head.id,
    createdAt: head.created_at,
    details: details
      .filter((d) => d.record_id === head.id)
      .map((d) => ({ value: openRecordDetail(keyOf(head.data_subject_id), d), since: d.created_at })),
  }));
}

async function openCases(db: DbOrTx, scope: SubjectScope, keyOf: KeyOf): Promise<OpenedCase[]> {
  if (scope.cases.length === 0) return [];
  const rows = await db
    .selectFrom('cases as k')
    .leftJoin('conversations as c', 'c.id', 'k.conversation_id')
    .select([
      'k.id',
      'k.case_reference',
      'k.record_id',
      'k.channel',
      'k.channel_detail',
      'k.topic',
      'k.status',
      'k.contacted_at',
      'k.closed_at',
      'k.summary',
      'k.data_subject_id',
      'c.id as chat_id',
      'c.summary as chat_summary',
      'c.data_subject_id as chat_subject_id',
    ])
    .where('k.organisation_id', '=', scope.organisationId)
    .where('k.id', 'in', ids(scope.cases))
    .orderBy('k.contacted_at')
    .orderBy('k.id')
    .execute();
  const notes = await db
    .selectFrom('case_entries')
    .select(['id', 'case_id', 'body', 'created_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('case_id', 'in', ids(scope.cases))
    .where('kind', 'in', ['note', 'request'])
    .orderBy('created_at')
    .execute();
  return rows.map((row) => {
    const key = keyOf(row.data_subject_id);
    // A chat's summary lives on its conversation, under the chat's own key.
    const summary = row.chat_id
      ? openField(keyOf(row.chat_subject_id!), 'conversations', 'summary', row.chat_id, row.chat_summary)
      : openField(key, 'cases', 'summary', row.id, row.summary);
    return {
      id: row.id,
      caseReference: row.case_reference,
      recordId: row.record_id,
      channel: row.channel,
      channelDetail: row.channel_detail,
      topic: row.topic,
      status: row.status,
      contactedAt: row.contacted_at,
      closedAt: row.closed_at,
      summary,
      notes: notes
        .filter((n) => n.case_id === row.id)
        .map((n) => ({ at: n.created_at, text: openField(key, 'case_entries', 'body', n.id, n.body) })),
    };
  });
}

/** The scope's chats with their messages and corrections, opened (also what the withholding list shows). */
export async function openScopeConversations(
  db: DbOrTx,
  keyring: Keyring,
  scope: SubjectScope,
  keys?: Map<string, Buffer | null>,
): Promise<OpenedConversation[]> {
  if (scope.conversations.length === 0) return [];
  const chatIds = ids(scope.conversations);
  const subjectKeys =
    keys ??
    (await loadSubjectKeys(
      db,
      keyring,
      scope.conversations.map((c) => c.dataSubjectId),
    ));
  const [rows, messages, corrections, notes] = await Promise.all([
    db
      .selectFrom('conversations')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('id', 'in', chatIds)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('messages')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('conversation_id', 'in', chatIds)
      .orderBy('conversation_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('conversation_corrections')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('conversation_id', 'in', chatIds)
      .orderBy('corrected_at')
      .execute(),
    db
      .selectFrom('conversation_notes')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('conversation_id', 'in', chatIds)
      .orderBy('created_at')
      .execute(),
  ]);
  const messagesOf = Map.groupBy(messages, (m) => m.conversation_id);
  return rows.map((row) => {
    const key = subjectKeys.get(row.data_subject_id) ?? null;
    const open = (field: string, value: Buffer | null) => openField(key, 'conversations', field, row.id, value);
    return {
      id: row.id,
      caseReference: row.case_reference,
      topic: row.topic_label,
      language: row.language,
      startedAt: row.created_at,
      endedAt: row.ended_at,
      name: row.personal_data_deleted_at ? null : open('visitor_name', row.visitor_name),
      email: open('visitor_email', row.visitor_email),
      ipAddress: open('ip_address', row.ip_address),
      browser: open('browser', row.browser),
      operatingSystem: open('operating_system', row.operating_system),
      location: readLocation(open('location', row.location)),
      consentGiven: row.consent_given,
      surveyRating: row.survey_rating,
      surveyComment: open('survey_comment', row.survey_comment),
      optIns: row.opt_ins,
      transcriptEmail: open('transcript_email', row.transcript_email),
      preChatAnswers: readPreChatAnswers(open('pre_chat_answers', row.pre_chat_answers)),
      personalDataDeleted: row.personal_data_deleted_at !== null,
      messages: (messagesOf.get(row.id) ?? []).map((m) => {
        const opened = openMessage(key, m);
        return {
          seq: m.seq,
          at: m.created_at,
          sender: m.sender,
          senderName: m.sender_name,
          text: opened.body,
          consentEvidence: m.consent_evidence,
        };
      }),
      corrections: corrections
        .filter((c) => c.conversation_id === row.id)
        .map((c) => ({
          at: c.corrected_at,
          fields: c.fields,
          previousName: openField(key, 'conversation_corrections', 'previous_name', c.id, c.previous_name),
          previousEmail: openField(key, 'conversation_corrections', 'previous_email', c.id, c.previous_email),
        })),
      staffNotes: notes
        .filter((n) => n.conversation_id === row.id)
        .map((n) => ({
          at: n.created_at,
          kind: n.kind,
          text: openField(key, 'conversation_notes', 'body', n.id, n.body),
        })),
    };
  });
}

async function openFormSubmissions(
  db: DbOrTx,
  scope: SubjectScope,
  keyOf: KeyOf,
  forms: readonly FormDefinition[],
): Promise<OpenedFormSubmission[]> {
  if (scope.formSubmissions.length === 0) return [];
  const rows = await db
    .selectFrom('form_submissions as s')
    .innerJoin('cases as k', 'k.id', 's.case_id')
    .selectAll('s')
    .select('k.case_reference')
    .where('s.organisation_id', '=', scope.organisationId)
    .where('s.id', 'in', ids(scope.formSubmissions))
    .orderBy('s.created_at')
    .execute();
  const correctionsOf = new Map(
    await Promise.all(
      rows.map(async (row) => [row.id, await listAnswerCorrections(db, keyOf(row.data_subject_id), row.id)] as const),
    ),
  );
  return rows.map((row) => {
    const form = forms.find((f) => f.id === row.form_id) ?? null;
    const key = keyOf(row.data_subject_id);
    const answers = row.personal_data_deleted_at
      ? []
      : key
        ? displayAnswers(form, openAnswers(key, row)).map((a) => ({ label: a.label, value: a.value }))
        : [{ label: 'Answers', value: '[erased]' }];
    return {
      caseReference: row.case_reference,
      formId: row.form_id,
      formTitle: form?.title ?? row.form_id,
      submittedAt: row.created_at,
      consentGiven: row.consent_given,
      language: row.language,
      answers,
      corrections: (correctionsOf.get(row.id) ?? []).map((c) => ({
        at: c.at,
        question: form?.fields.find((f) => f.id === c.fieldId)?.label ?? c.fieldId,
        previous:
          c.previous === null
            ? 'No answer'
            : typeof c.previous === 'string' && !key
              ? c.previous
              : (displayAnswers(form, { [c.fieldId]: c.previous })[0]?.value ?? ''),
        reason: c.reason,
      })),
      personalDataDeleted: row.personal_data_deleted_at !== null,
    };
  });
}

async function openEmails(db: DbOrTx, scope: SubjectScope, keyOf: KeyOf): Promise<OpenedEmail[]> {
  if (scope.emails.length === 0) return [];
  const emailIds = ids(scope.emails);
  const [rows, attachments] = await Promise.all([
    db
      .selectFrom('emails as e')
      .innerJoin('cases as k', 'k.id', 'e.case_id')
      .selectAll('e')
      .select('k.case_reference')
      .where('e.organisation_id', '=', scope.organisationId)
      .where('e.id', 'in', emailIds)
      .orderBy('e.created_at')
      .execute(),
    db
      .selectFrom('email_attachments')
      .select(['id', 'email_id', 'filename'])
      .where('organisation_id', '=', scope.organisationId)
      .where('email_id', 'in', emailIds)
      .where('filename', 'is not', null)
      .orderBy('position')
      .execute(),
  ]);
  return rows.map((row) => {
    const key = keyOf(row.data_subject_id);
    const open = (field: string, value: Buffer | null) =>
      value === null ? '' : openField(key, 'emails', field, row.id, value);
    return {
      caseReference: row.case_reference,
      direction: row.direction,
      at: row.received_at ?? row.created_at,
      from: open('from_address', row.from_address),
      to: open('to_address', row.to_address),
      subject: open('subject', row.subject),
      body: open('body', row.body),
      attachments: attachments
        .filter((a) => a.email_id === row.id)
        .map((a) => openField(key, 'email_attachments', 'filename', a.id, a.filename!)),
      personalDataDeleted: row.personal_data_deleted_at !== null,
    };
  });
}

async function openDisclosures(db: DbOrTx, scope: SubjectScope, keyOf: KeyOf): Promise<OpenedDisclosure[]> {
  const caseIds = [...new Set(scope.disclosures.map((d) => d.caseId))];
  const found: OpenedDisclosure[] = [];
  for (const caseId of caseIds) {
    const kase = scope.cases.find((c) => c.id === caseId);
    if (!kase) continue;
    for (const d of await listCaseDisclosures(db, keyOf(kase.dataSubjectId), scope.organisationId, caseId))
      found.push({
        caseReference: d.case_reference,
        recipientOrganisation: d.recipient_organisation,
        recipientContact: d.recipient_contact,
        lawfulBasis: d.lawful_basis,
        whatShared: d.what_shared,
        why: d.why,
        disclosedOn: d.disclosed_on,
      });
  }
  return found;
}
