import { normaliseCaseReference, type HoldStatus, type RetentionHold } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { holdEndProblem } from './retention.rules.ts';
import { findConversationForHold, insertHold, liftHold as liftHoldRow, listHolds as listHoldRows } from './holds.repository.ts';
import { toRetentionHold } from './retention.presenters.ts';

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
  const conversation = await findConversationForHold(ctx.db, staff.organisationId, by);
  if (!conversation) throw notFound('The conversation');
  const id = await insertHold(ctx.db, {
    organisationId: staff.organisationId,
    conversationId: body.covers === 'conversation' ? conversation.id : null,
    dataSubjectId: body.covers === 'resident' ? conversation.data_subject_id : null,
    reason: body.reason,
    placedBy: staff.id,
    placedAt: now,
    endsAt,
  });
  return holdById(ctx, id, now);
}

/** Lifts a hold; the hold stays listed, with who lifted it and when. */
export async function liftHold(ctx: ServiceContext, staff: StaffPrincipal, id: string, now = new Date()): Promise<RetentionHold> {
  const lifted = await liftHoldRow(ctx.db, staff.organisationId, id, staff.id, now);
  const hold = await holdById(ctx, id, now);
  if (!lifted) throw new AppError('conflict', 'This hold has already been lifted');
  return hold;
}

export async function listHolds(ctx: ServiceContext, status: HoldStatus | undefined, now = new Date()): Promise<RetentionHold[]> {
  const rows = await listHoldRows(ctx.db, ctx.organisation.id, { limit: 1000 });
  return rows.map((row) => toRetentionHold(row, now)).filter((hold) => !status || hold.status === status);
}
