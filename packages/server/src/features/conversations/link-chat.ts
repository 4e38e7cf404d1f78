import type { ChatLinkResponse, RecordFromChatBody } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import { recordAudit, staffActor, type AuditEntry } from '../audit/record-audit.ts';
import { normaliseEmail } from '../crypto/blind-index.rules.ts';
import { caseDataSubject } from '../cases/cases.repository.ts';
import { checkedDetails } from '../records/create-customer-record.ts';
import { createRecord } from '../records/create-record.ts';
import { chatForStaff } from './match-chat.ts';
import { openableRecord } from '../records/record-summaries.ts';
import type { RecordDetailValue } from '../records/record-details.rules.ts';
import { findRecordHeads, linkCaseToRecord, resolveRecords } from '../records/records.repository.ts';

type ChatCase = Awaited<ReturnType<typeof chatForStaff>>;

/** Links the chat's case to a current record, audited on both; linking to the same record again changes nothing. */
async function link(
  tx: Tx,
  ctx: ServiceContext,
  staff: StaffPrincipal,
  found: ChatCase,
  record: { id: string; dataSubjectId: string },
  extra: AuditEntry[],
) {
  const { caseRow } = found;
  const already = caseRow.record_id
    ? (await resolveRecords(tx, ctx.organisation.id, [caseRow.record_id])).get(caseRow.record_id)
    : undefined;
  if (already !== record.id) {
    await linkCaseToRecord(tx, {
      organisationId: ctx.organisation.id,
      caseId: caseRow.id,
      recordId: record.id,
      staffId: staff.id,
    });
    const caseSubject = await caseDataSubject(tx, caseRow.id);
    const actor = staffActor(staff);
    const base = {
      organisationId: ctx.organisation.id,
      actor,
      action: 'update' as const,
      purpose: 'handle-chat' as const,
      caseReference: caseRow.case_reference,
    };
    extra.push(
      {
        ...base,
        recordType: 'case',
        recordId: caseRow.id,
        dataSubjectId: caseSubject.data_subject_id,
        fields: ['record_id'],
        reason: caseRow.record_id ? 'chat moved to another record' : 'chat linked to a record',
      },
      {
        ...base,
        recordType: 'customer-record',
        recordId: record.id,
        dataSubjectId: record.dataSubjectId,
        fields: ['cases'],
        reason: 'chat linked to this record',
      },
    );
  }
  if (extra.length > 0) await recordAudit(tx, extra);
  return { recordId: record.id, conversationId: found.chat.id, caseReference: caseRow.case_reference };
}

/**
 * The agent confirms that the chat's resident is this record (ADR 14: never linked silently).
 * A record that was merged links the record it was merged into. The chat keeps its own data
 * subject: its transcript's retention and erasure are unchanged.
 */
export async function linkChatToRecord(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  recordId: string,
  conversationId: string,
): Promise<ChatLinkResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const found = await chatForStaff(tx, ctx, staff, conversationId);
    // Linking needs access to both: it must never open another department's record to this agent.
    const current = await openableRecord(tx, ctx, found.scope, recordId);
    const [head] = await findRecordHeads(tx, ctx.organisation.id, [current]);
    if (!head) throw notFound('The customer record');
    await refuseWhileRestricted(tx, ctx.organisation.id, [head.data_subject_id], 'no new contact can be linked to it');
    return link(tx, ctx, staff, found, { id: head.id, dataSubjectId: head.data_subject_id }, []);
  });
}

/** A new record from the chat's pre-chat name and email, plus what the agent adds, linked to the chat. */
export async function createRecordFromChat(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: RecordFromChatBody,
): Promise<ChatLinkResponse> {
  const added = checkedDetails(body.details);
  return ctx.db.transaction().execute(async (tx) => {
    const found = await chatForStaff(tx, ctx, staff, body.conversationId);
    const { chat } = found;
    if (!chat.data_key)
      throw new AppError('conflict', 'This chat’s personal data has been deleted: create the record by hand');
    const fromChat: RecordDetailValue[] = [{ kind: 'name', name: chat.visitor_name }];
    const email = chat.visitor_email ? normaliseEmail(chat.visitor_email) : null;
    if (email) fromChat.push({ kind: 'email', address: email });
    const details = [
      ...fromChat,
      ...added.filter((d) => !fromChat.some((c) => JSON.stringify(c) === JSON.stringify(d))),
    ];
    const created = await createRecord(tx, ctx, { createdBy: staff.id, details });
    const creation: AuditEntry = {
      organisationId: ctx.organisation.id,
      actor: staffActor(staff),
      action: 'create',
      purpose: 'handle-chat',
      recordType: 'customer-record',
      recordId: created.recordId,
      dataSubjectId: created.dataSubjectId,
      caseReference: found.caseRow.case_reference,
      fields: [...new Set(details.map((d) => d.kind))].sort(),
      reason: 'record created from a chat',
    };
    return link(tx, ctx, staff, found, { id: created.recordId, dataSubjectId: created.dataSubjectId }, [creation]);
  });
}
