import type { RightsRequestSummary, RightsRequestStatus } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { londonDateOf } from '../../shared/london-calendar.rules.ts';
import { isoDate } from './rights-deadlines.rules.ts';
import { toSummary } from './rights.presenters.ts';
import { listRightsRequests } from './rights.repository.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';

export type RightsListFilter = { status?: RightsRequestStatus; ownerId?: string; overdue?: boolean };

/**
 * Requests by due date, soonest first (stopped clocks after them). Each listed requester's name
 * is a read, audited.
 */
export async function listRequests(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  filter: RightsListFilter,
  now = new Date(),
): Promise<RightsRequestSummary[]> {
  const today = londonDateOf(now);
  return ctx.db.transaction().execute(async (tx) => {
    let requests = await listRightsRequests(tx, ctx.keyring, staff.organisationId, {
      status: filter.status,
      ownerId: filter.ownerId,
      dueBefore: filter.overdue ? isoDate(today) : undefined,
    });
    const summaries = requests.map((request) => toSummary(request, today));
    if (filter.overdue === false) {
      const keep = new Set(summaries.filter((s) => s.flag.kind !== 'overdue').map((s) => s.id));
      requests = requests.filter((r) => keep.has(r.id));
    }
    if (requests.length > 0)
      await recordAudit(
        tx,
        requests.map((request) => rightsAuditEntry(staff, request, 'read', ['requester_name'])),
      );
    const kept = new Set(requests.map((r) => r.id));
    return summaries.filter((s) => kept.has(s.id));
  });
}
