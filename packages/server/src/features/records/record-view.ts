import { restrictedRecordIds } from '../access/processing-restrictions.repository.ts';
import {
  LawfulBasis,
  RecordDetailKind,
  type CustomerRecordView,
  type RecordDetailVersion,
  type RecordTimelineCase,
} from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import type { RecordDetailRow } from '../../db/schema.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { AuditActor, AuditEntry } from '../audit/record-audit.ts';
import type { AuditPurpose } from '../audit/audit-chain.rules.ts';
import { seesFullCase, type RecordViewer } from './record-access.rules.ts';
import { openChangeReason, openRecordDetail } from './record-details.repository.ts';
import { actorOf } from './record-summaries.ts';
import { findRecordHeads, listDetailRows, recordGroups, recordKeys, staffNames } from './records.repository.ts';
import {
  listCasesOfRecords,
  listTimelineDisclosures,
  openTimelineSummaries,
  type TimelineCaseRow,
} from './record-timeline.repository.ts';

/**
 * A current record as staff see it (ADR 14): its values and those of records merged into it,
 * every version, and the timeline of every case; plus the audit entries of that read (one per
 * record shown, one per case shown in full), which the caller writes last in its transaction.
 */
export async function buildRecordView(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring' | 'organisation'>,
  viewer: RecordViewer,
  rootId: string,
  audit: { actor: AuditActor; purpose: AuditPurpose; reason?: string },
): Promise<{ view: CustomerRecordView; entries: AuditEntry[] }> {
  const organisationId = ctx.organisation.id;
  const members = (await recordGroups(tx, organisationId, [rootId])).get(rootId) ?? [];
  const heads = await findRecordHeads(tx, organisationId, members);
  const root = heads.find((head) => head.id === rootId);
  if (!root) throw new Error('record not found after resolving it');
  const keys = recordKeys(ctx, heads);
  const rows = await listDetailRows(tx, members, { currentOnly: false });
  const cases = await listCasesOfRecords(tx, organisationId, members);
  const staffIds = [
    ...heads.flatMap((h) => [h.created_by, h.merged_by ?? '']),
    ...rows.flatMap((r) => [r.created_by, r.superseded_by ?? '']),
  ];
  const names = await staffNames(
    tx,
    [...new Set(staffIds)].filter((id) => /^[0-9a-f-]{36}$/.test(id)),
  );

  const replaced = new Set(rows.map((row) => row.replaces_id).filter((id): id is string => id !== null));
  const version = (row: RecordDetailRow): RecordDetailVersion | null => {
    const key = keys.get(row.record_id) ?? null;
    const value = openRecordDetail(key, row);
    if (!value) return null;
    return {
      id: row.id,
      recordId: row.record_id,
      kind: row.kind,
      value,
      status: row.superseded_at === null ? 'current' : replaced.has(row.id) ? 'amended' : 'removed',
      replacesId: row.replaces_id,
      createdAt: row.created_at.toISOString(),
      createdBy: actorOf(row.created_by, names),
      supersededAt: row.superseded_at?.toISOString() ?? null,
      supersededBy: row.superseded_by ? actorOf(row.superseded_by, names) : null,
      changeReason: openChangeReason(key, row),
    };
  };
  // Newest first; values written together (one transaction, one time) in the order of the kinds.
  const kindOrder = (v: RecordDetailVersion) => RecordDetailKind.options.indexOf(v.kind);
  const history = rows
    .map(version)
    .filter((v): v is RecordDetailVersion => v !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || kindOrder(a) - kindOrder(b));
  const timeline = await timelineOf(tx, ctx, viewer, cases);
  const restricted = await restrictedRecordIds(tx, organisationId, members);

  const view: CustomerRecordView = {
    id: root.id,
    createdAt: root.created_at.toISOString(),
    createdBy: actorOf(root.created_by, names),
    merged: heads
      .filter((head) => head.id !== rootId && head.merged_at)
      .map((head) => ({
        recordId: head.id,
        mergedAt: (head.merged_at as Date).toISOString(),
        mergedBy: head.merged_by ? actorOf(head.merged_by, names) : null,
      })),
    // By kind, then oldest first, as entered.
    details: history
      .filter((v) => v.status === 'current')
      .sort((a, b) => kindOrder(a) - kindOrder(b) || a.createdAt.localeCompare(b.createdAt)),
    history,
    timeline,
    processingRestricted: restricted.size > 0,
  };
  const base = {
    organisationId,
    actor: audit.actor,
    action: 'read' as const,
    purpose: audit.purpose,
    reason: audit.reason ?? null,
  };
  const entries: AuditEntry[] = [
    ...heads.map((head) => ({
      ...base,
      recordType: 'customer-record',
      recordId: head.id,
      dataSubjectId: head.data_subject_id,
      fields: [...new Set(rows.filter((r) => r.record_id === head.id).map((r) => r.kind))].sort(),
    })),
    ...timeline
      .filter((c) => !c.restricted)
      .map((c) => ({
        ...base,
        recordType: 'case',
        recordId: c.caseId,
        caseReference: c.caseReference,
        dataSubjectId: cases.find((row) => row.id === c.caseId)?.data_subject_id ?? null,
        fields: ['topic', 'summary'],
      })),
  ];
  return { view, entries };
}

/** The timeline: full cases where the viewer's departments allow, the bare facts otherwise. */
async function timelineOf(
  tx: Tx,
  ctx: Pick<ServiceContext, 'keyring' | 'organisation'>,
  viewer: RecordViewer,
  cases: readonly TimelineCaseRow[],
): Promise<RecordTimelineCase[]> {
  const full = cases.filter((row) => seesFullCase(viewer, row.department_id));
  const summaries = await openTimelineSummaries(tx, ctx.keyring, full);
  const disclosures = await listTimelineDisclosures(
    tx,
    ctx.organisation.id,
    full.map((row) => row.id),
  );
  const labels = new Map(ctx.organisation.settings.departments.map((d) => [d.id, d.label]));
  return cases.map((row) => {
    const restricted = !full.includes(row);
    const summary = restricted ? null : (summaries.get(row.id) ?? null);
    return {
      caseId: row.id,
      caseReference: row.case_reference,
      recordId: row.record_id as string,
      channel: row.channel,
      contactedAt: row.contacted_at.toISOString(),
      departmentId: row.department_id,
      departmentLabel: labels.get(row.department_id) ?? row.department_id,
      status: row.status,
      restricted,
      topic: restricted ? null : row.topic,
      summary,
      conversationId: row.conversation_id,
      disclosures: disclosures
        .filter((d) => d.case_id === row.id)
        .map((d) => ({
          id: d.id,
          recipientOrganisation: d.recipient_organisation,
          lawfulBasis: LawfulBasis.parse(d.lawful_basis),
          disclosedOn: d.disclosed_on,
        })),
    };
  });
}
