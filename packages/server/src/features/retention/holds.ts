import { normaliseCaseReference, type HoldCovers, type HoldStatus, type RetentionHold } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { holdEndProblem } from './retention.rules.ts';
import {
  findCaseForHold,
  findConversationForHold,
  insertHold,
  liftHold as liftHoldRow,
  listHolds as listHoldRows,
} from './holds.repository.ts';
import { toRetentionHold } from './retention.presenters.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';

/** PlaceHoldBody as parsed (defaults applied). */
type ParsedHoldBody = {
  conversationId?: string;
  caseId?: string;
  caseReference?: string;
  covers?: HoldCovers;
  reason: string;
  endsAt?: string | null;
};

async function holdById(ctx: ServiceContext, id: string, now: Date): Promise<RetentionHold> {
  const [row] = await listHoldRows(ctx.db, ctx.organisation.id, { id, limit: 1 });
  if (!row) throw notFound('The hold');
  return toRetentionHold(row, now);
}

type Placed = {
  conversationId: string | null;
  caseId: string | null;
  dataSubjectId: string | null;
  auditSubject: string;
  caseReference: string;
  field: string;
};

/**
 * What the hold goes on, from what it was placed through (a conversation, a case, or a case
 * reference, which names both for a chat) and what it covers: the conversation, the case (a
 * chat's case: the hold keeps its conversation too), or the resident. A resident found through a
 * chat is the conversation's; through another case, the case's (its record's, once linked).
 */
async function holdTarget(tx: Tx, organisationId: string, body: ParsedHoldBody): Promise<Placed> {
  const covers = body.covers ?? (body.caseId ? 'case' : 'conversation');
  let conversation: Awaited<ReturnType<typeof findConversationForHold>>;
  let kase: Awaited<ReturnType<typeof findCaseForHold>>;
  if (body.conversationId) {
    conversation = await findConversationForHold(tx, organisationId, { id: body.conversationId });
    if (!conversation) throw notFound('The conversation');
    kase = await findCaseForHold(tx, organisationId, { conversationId: conversation.id });
  } else if (body.caseId) {
    kase = await findCaseForHold(tx, organisationId, { id: body.caseId });
    if (!kase) throw notFound('The case');
    conversation = kase.conversation_id
      ? await findConversationForHold(tx, organisationId, { id: kase.conversation_id })
      : undefined;
  } else {
    const reference = normaliseCaseReference(body.caseReference ?? '');
    if (!reference) throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
    conversation = await findConversationForHold(tx, organisationId, { caseReference: reference });
    kase = await findCaseForHold(
      tx,
      organisationId,
      conversation ? { conversationId: conversation.id } : { caseReference: reference },
    );
    if (!conversation && !kase) throw notFound(covers === 'case' ? 'The case' : 'The conversation');
  }
  const caseReference = conversation?.case_reference ?? kase?.case_reference ?? '';
  switch (covers) {
    case 'conversation':
      if (!conversation)
        throw new AppError('bad_request', 'This case is not a chat: place the hold on the case instead');
      return {
        conversationId: conversation.id,
        caseId: null,
        dataSubjectId: null,
        auditSubject: conversation.data_subject_id,
        caseReference,
        field: 'conversation',
      };
    case 'case':
      if (!kase) throw notFound('The case');
      return {
        conversationId: null,
        caseId: kase.id,
        dataSubjectId: null,
        auditSubject: kase.data_subject_id,
        caseReference: kase.case_reference,
        field: 'case',
      };
    case 'resident': {
      const subject = conversation?.data_subject_id ?? kase?.data_subject_id ?? '';
      return {
        conversationId: null,
        caseId: null,
        dataSubjectId: subject,
        auditSubject: subject,
        caseReference,
        field: 'data_subject',
      };
    }
  }
}

/** Places a legal hold on a conversation, a case, or everything about their resident. */
export async function placeHold(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: ParsedHoldBody,
  now = new Date(),
): Promise<RetentionHold> {
  const endsAt = body.endsAt ? new Date(body.endsAt) : null;
  const problem = holdEndProblem(endsAt, now);
  if (problem) throw new AppError('bad_request', problem);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const target = await holdTarget(tx, staff.organisationId, body);
    const holdId = await insertHold(tx, {
      organisationId: staff.organisationId,
      conversationId: target.conversationId,
      caseId: target.caseId,
      dataSubjectId: target.dataSubjectId,
      reason: body.reason,
      placedBy: staff.id,
      placedAt: now,
      endsAt,
    });
    // Holds are audited: who kept whose data beyond its period, and when.
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action: 'create',
      purpose: 'legal-hold',
      recordType: 'retention_hold',
      recordId: holdId,
      dataSubjectId: target.auditSubject,
      caseReference: target.caseReference,
      fields: [target.field],
    });
    return holdId;
  });
  return holdById(ctx, id, now);
}

/** Lifts a hold; the hold stays listed, with who lifted it and when. */
export async function liftHold(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  now = new Date(),
): Promise<RetentionHold> {
  const lifted = await ctx.db.transaction().execute(async (tx) => {
    const done = await liftHoldRow(tx, staff.organisationId, id, staff.id, now);
    if (done) {
      await recordAudit(tx, {
        organisationId: staff.organisationId,
        actor: staffActor(staff),
        action: 'update',
        purpose: 'legal-hold',
        recordType: 'retention_hold',
        recordId: id,
        fields: ['lifted_at'],
      });
    }
    return done;
  });
  const hold = await holdById(ctx, id, now);
  if (!lifted) throw new AppError('conflict', 'This hold has already been lifted');
  return hold;
}

export async function listHolds(
  ctx: ServiceContext,
  status: HoldStatus | undefined,
  now = new Date(),
): Promise<RetentionHold[]> {
  const rows = await listHoldRows(ctx.db, ctx.organisation.id, { limit: 1000 });
  return rows.map((row) => toRetentionHold(row, now)).filter((hold) => !status || hold.status === status);
}
