import type { IdentityMethod, RightsRequestDetail, RightsRequestStatus, RightsStepAction } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { londonDateOf, type CalendarDate } from '../../shared/london-calendar.rules.ts';
import { isoDate } from './rights-deadlines.rules.ts';
import { stateOf, toDetail } from './rights.presenters.ts';
import {
  findRightsRequest,
  insertRightsStep,
  listRightsSteps,
  updateRightsIdentity,
  updateRightsRequest,
  type RightsRequestData,
} from './rights.repository.ts';
import { dueOnOf, type RequestState } from './rights-workflow.rules.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';

/** What a verb decides: the step to record and what changes on the request. */
export type RightsChange = {
  action: RightsStepAction;
  status: RightsRequestStatus;
  /** The day the step takes effect (today unless the verb was given an earlier day). */
  on?: string;
  reason?: string | null;
  ownerId?: string;
  months?: number;
  extensionMonths?: number;
  closed?: boolean;
  /** How identity was checked, recorded with the step. */
  identity?: { method: IdentityMethod; note: string | null };
  /** The fields the audit entry names. */
  fields: readonly string[];
};

/**
 * One change to a request, in one transaction: lock it, let the verb decide (a problem is a 400),
 * record the step, recompute the due date from every step, audit, and answer with the request.
 */
export async function changeRightsRequest(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  now: Date,
  decide: (
    request: RightsRequestData,
    state: RequestState,
    today: CalendarDate,
    tx: Tx,
  ) => Promise<RightsChange> | RightsChange,
): Promise<RightsRequestDetail> {
  const today = londonDateOf(now);
  const nation = ctx.organisation.settings.nation;
  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, id, { forUpdate: true });
    if (!request) throw notFound('The request');
    const steps = await listRightsSteps(tx, ctx.keyring, request);
    const change = await decide(request, stateOf(request, steps), today, tx);
    const on = change.on ?? isoDate(today);
    const reason = change.reason ? redactFor(ctx.organisation.settings, change.reason).text : null;
    await insertRightsStep(tx, ctx.keyring, request.dataSubjectId, {
      organisationId: staff.organisationId,
      requestId: id,
      action: change.action,
      actorId: staff.id,
      on,
      status: change.status,
      ownerId: change.ownerId ?? null,
      months: change.months ?? null,
      reason,
    });
    if (change.identity) {
      const note = change.identity.note ? redactFor(ctx.organisation.settings, change.identity.note).text : null;
      await updateRightsIdentity(tx, ctx.keyring, request, change.identity.method, note);
    }
    const extensionMonths = change.extensionMonths ?? request.extensionMonths;
    const dueOn = dueOnOf(
      {
        status: change.status,
        receivedOn: request.receivedOn,
        extensionMonths,
        steps: [...steps, { on, status: change.status }],
      },
      nation,
    );
    await updateRightsRequest(tx, staff.organisationId, id, {
      status: change.status,
      dueOn,
      extensionMonths,
      ownerId: change.ownerId,
      closedAt: change.closed ? now : undefined,
    });
    const updated = (await findRightsRequest(tx, ctx.keyring, staff.organisationId, id))!;
    const history = await listRightsSteps(tx, ctx.keyring, updated);
    await recordAudit(tx, rightsAuditEntry(staff, request, 'update', change.fields));
    return toDetail(updated, history, nation, today);
  });
}

/** A decision's problem as the error the person sees. */
export function refuse(problem: string | null): void {
  if (problem) throw new AppError('bad_request', problem);
}
