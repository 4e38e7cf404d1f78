import { normaliseCaseReference, type HoldStatus, type RetentionHold } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { holdEndProblem } from './retention.rules.ts';
import { findConversationForHold, insertHold, liftHold as liftHoldRow, listHolds as listHoldRows } from './holds.repository.ts';
import { toRetentionHold } from './retention.presenters.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';

/** PlaceHoldBody as parsed (defaults applied). */
type ParsedHoldBody = { conversationId?: string; caseReference?: string; covers: 'conversation' | 'resident'; reason: string; endsAt?: string | null };

async function holdById(ctx: ServiceContext, id: string, now: Date): Promise<RetentionHold> {
  const [row] = await listHoldRows(ctx.db, ctx.organisation.id, { id, limit: 1 });
  if (!row) throw notFound('The hold');
  return toRetentionHold(row, now);
}

/** Places a legal hold on a conversation, or on every conversation of its resident. */
export async function placeHold(ctx: ServiceContext, staff: StaffPrincipal, body: ParsedHoldBody, now = new Date()): Promise<RetentionHold> {
  const endsAt = body.endsAt ? new Date(body.endsAt) : null;
  const problem = holdEndProblem(endsAt, now);
  if (problem) throw new AppError('bad_request', problem);
  let by: { id: string } | { caseReference: string };
  if (body.conversationId) {
    by = { id: body.conversationId };
  } else {
    const reference = normaliseCaseReference(body.caseReference ?? '');
    if (!reference) throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
    by = { caseReference: reference };
  }
  const id = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await findConversationForHold(tx, staff.organisationId, by);
    if (!conversation) throw notFound('The conversation');
    const holdId = await insertHold(tx, {
      organisationId: staff.organisationId,
      conversationId: body.covers === 'conversation' ? conversation.id : null,
      dataSubjectId: body.covers === 'resident' ? conversation.data_subject_id : null,
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
      dataSubjectId: conversation.data_subject_id,
      caseReference: conversation.case_reference,
      fields: [body.covers === 'conversation' ? 'conversation' : 'data_subject'],
    });
    return holdId;
  });
  return holdById(ctx, id, now);
}

/** Lifts a hold; the hold stays listed, with who lifted it and when. */
export async function liftHold(ctx: ServiceContext, staff: StaffPrincipal, id: string, now = new Date()): Promise<RetentionHold> {
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

export async function listHolds(ctx: ServiceContext, status: HoldStatus | undefined, now = new Date()): Promise<RetentionHold[]> {
  const rows = await listHoldRows(ctx.db, ctx.organisation.id, { limit: 1000 });
  return rows.map((row) => toRetentionHold(row, now)).filter((hold) => !status || hold.status === status);
}
