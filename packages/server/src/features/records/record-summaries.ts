import type { RecordActor, RecordSummary } from '@ward/protocol';
import { staffScopeOf } from '../access/staff-scope.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import type { AuditEntry } from '../audit/record-audit.ts';
import { canOpenRecord, seesEveryDepartment, type RecordViewer } from './record-access.rules.ts';
import { openRecordDetail } from './record-details.repository.ts';
import type { RecordDetailValue } from './record-details.rules.ts';
import {
  caseFactsOfRecords,
  groupHeads,
  listDetailRows,
  recordGroups,
  resolveRecords,
  recordKeys,
} from './records.repository.ts';

/** The member of staff as the record rules see them. */
export async function viewerOf(tx: Tx, staff: StaffPrincipal): Promise<RecordViewer> {
  return staffScopeOf(tx, staff);
}

/** `created_by` / `superseded_by` as people read it: a member of staff, or the channel that did it. */
export function actorOf(by: string, names: ReadonlyMap<string, string>): RecordActor {
  if (by.startsWith('system:')) return { staffId: null, name: `Ward (${by.slice('system:'.length)})` };
  return { staffId: by, name: names.get(by) ?? 'A former member of staff' };
}

/**
 * The ids among `rootIds` (current records of the organisation, as resolveRecords gives) this viewer may find and open
 * (record-access.rules.ts).
 */
export async function visibleRecordIds(
  tx: Tx,
  organisationId: string,
  viewer: RecordViewer,
  rootIds: readonly string[],
): Promise<string[]> {
  if (seesEveryDepartment(viewer)) return [...rootIds]; // current records of this organisation already (resolveRecords)
  const groups = await recordGroups(tx, organisationId, rootIds);
  const memberOf = new Map<string, string>();
  for (const [root, members] of groups) for (const member of members) memberOf.set(member, root);
  const departments = new Map<string, string[]>(rootIds.map((id) => [id, []]));
  for (const fact of await caseFactsOfRecords(tx, [...memberOf.keys()]))
    departments.get(memberOf.get(fact.record_id) ?? '')?.push(fact.department_id);
  return rootIds.filter((id) => groups.get(id)?.length && canOpenRecord(viewer, departments.get(id) ?? []));
}

/** The current record `recordId` stands for (merged: the survivor), if this viewer may open it; else 404. */
export async function openableRecord(
  tx: Tx,
  ctx: Pick<ServiceContext, 'organisation'>,
  viewer: RecordViewer,
  recordId: string,
): Promise<string> {
  const current = (await resolveRecords(tx, ctx.organisation.id, [recordId])).get(recordId);
  if (!current || (await visibleRecordIds(tx, ctx.organisation.id, viewer, [current])).length === 0)
    throw notFound('The customer record');
  return current;
}

/** What a list of records (search results, chat matches) shows of each: enough to tell residents apart. */
export const summaryFields = ['name', 'email', 'phone', 'address'] as const;

/**
 * Summaries of current records (with what was merged into them), in the order given, and the
 * audit entries saying some of them were shown (the caller writes them, with its purpose).
 */
export async function summariseRecords(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring' | 'organisation'>,
  rootIds: readonly string[],
  audit: Pick<AuditEntry, 'actor' | 'purpose' | 'reason' | 'caseReference'>,
): Promise<{ summaries: RecordSummary[]; entriesFor: (shown: readonly string[]) => AuditEntry[] }> {
  const organisationId = ctx.organisation.id;
  const heads = await groupHeads(tx, organisationId, rootIds);
  const groups = new Map<string, string[]>(rootIds.map((id) => [id, []]));
  for (const head of heads) groups.get(head.root)?.push(head.id);
  const members = heads.map((head) => head.id);
  const keys = recordKeys(ctx, heads);
  const details = await listDetailRows(tx, members, { currentOnly: true });
  const facts = await caseFactsOfRecords(tx, members);
  const summaries = rootIds.map((id): RecordSummary => {
    const group = new Set(groups.get(id) ?? []);
    const values = details
      .filter((row) => group.has(row.record_id) && summaryFields.some((k) => k === row.kind))
      .reverse() // oldest first: the name given first leads
      .map((row) => openRecordDetail(keys.get(row.record_id) ?? null, row))
      .filter((value): value is RecordDetailValue => value !== null);
    const contacts = facts.filter((fact) => group.has(fact.record_id)).map((fact) => fact.contacted_at.getTime());
    const unique = (list: string[]) => [...new Set(list)];
    return {
      id,
      names: unique(values.flatMap((v) => (v.kind === 'name' ? [v.name] : []))),
      emails: unique(values.flatMap((v) => (v.kind === 'email' ? [v.address] : []))),
      phones: unique(values.flatMap((v) => (v.kind === 'phone' ? [v.number] : []))),
      postcodes: unique(values.flatMap((v) => (v.kind === 'address' ? [v.postcode] : []))),
      cases: contacts.length,
      lastContactAt: contacts.length > 0 ? new Date(Math.max(...contacts)).toISOString() : null,
    };
  });
  const headOf = new Map(heads.map((head) => [head.id, head]));
  // The audit entries of showing some of them: one per record, merged ones included.
  const entriesFor = (shown: readonly string[]) =>
    shown
      .flatMap((root) => groups.get(root) ?? [])
      .flatMap((member): AuditEntry[] => {
        const head = headOf.get(member);
        if (!head) return [];
        return [
          {
            organisationId,
            actor: audit.actor,
            action: 'read',
            purpose: audit.purpose,
            recordType: 'customer-record',
            recordId: head.id,
            dataSubjectId: head.data_subject_id,
            caseReference: audit.caseReference ?? null,
            fields: summaryFields,
            reason: audit.reason ?? null,
          },
        ];
      });
  return { summaries, entriesFor };
}
