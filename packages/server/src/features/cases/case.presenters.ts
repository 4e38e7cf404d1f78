import type { CaseBrief, CaseDetail, CaseEntry, CaseListItem, CaseStatus, Disclosure } from '@ward/protocol';
import type { CaseRow } from '../../db/schema.ts';
import { decodeChange, decodeLink } from './case-access.rules.ts';
import type { CaseEntryWithAuthor, CaseHead } from './cases.repository.ts';
import type { OpenedDisclosure } from './disclosures.repository.ts';

/** Names the presenters need: department labels from the settings, staff names from the database. */
export type Labels = { department: (id: string) => string; staff: (id: string) => string | null };

const statusLabels: Record<CaseStatus, string> = {
  open: 'Open',
  'awaiting-resident': 'Awaiting resident',
  'awaiting-council': 'Awaiting council',
  closed: 'Closed',
};

const fullName = (first: string | null, last: string | null) =>
  first === null ? null : `${first} ${last ?? ''}`.trim();

export function toCaseBrief(row: CaseRow, labels: Pick<Labels, 'department'>): CaseBrief {
  return {
    id: row.id,
    caseReference: row.case_reference,
    channel: row.channel,
    channelDetail: row.channel_detail,
    topic: row.topic,
    departmentId: row.department_id,
    departmentLabel: labels.department(row.department_id),
    status: row.status,
    contactedAt: row.contacted_at.toISOString(),
  };
}

export function toCaseListItem(row: CaseHead, labels: Pick<Labels, 'department'>): CaseListItem {
  const ownerName = fullName(row.owner_first_name, row.owner_last_name);
  return {
    ...toCaseBrief(row, labels),
    owner: row.owner_staff_id && ownerName ? { id: row.owner_staff_id, name: ownerName } : null,
    recordId: row.record_id,
    conversationId: row.conversation_id,
  };
}

/** An entry with its sealed text already opened. */
export function toCaseEntry(row: CaseEntryWithAuthor & { text: string | null }, labels: Labels): CaseEntry {
  // A record entry (features/records: a chat linked to a record) keeps the record's id as its detail.
  const change =
    row.kind === 'status' || row.kind === 'owner' || row.kind === 'department'
      ? decodeChange(row.detail)
      : row.kind === 'record'
        ? { from: null, to: row.detail }
        : null;
  const label = (value: string | null) => {
    if (value === null) return null;
    if (row.kind === 'status') return statusLabels[value as CaseStatus] ?? value;
    if (row.kind === 'owner') return labels.staff(value);
    if (row.kind === 'record') return null;
    return labels.department(value);
  };
  const authorName = fullName(row.author_first_name, row.author_last_name);
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    change: change ? { ...change, fromLabel: label(change.from), toLabel: label(change.to) } : null,
    link: row.kind === 'link' ? decodeLink(row.detail) : null,
    author: row.author_staff_id && authorName ? { id: row.author_staff_id, name: authorName } : null,
    createdAt: row.created_at.toISOString(),
  };
}

export function toCaseDetail(
  head: CaseHead,
  opened: {
    summary: string | null;
    entries: (CaseEntryWithAuthor & { text: string | null })[];
    linked: CaseRow[];
    disclosures: OpenedDisclosure[];
  },
  labels: Labels,
): CaseDetail {
  return {
    ...toCaseListItem(head, labels),
    summary: opened.summary,
    createdAt: head.created_at.toISOString(),
    closedAt: head.closed_at?.toISOString() ?? null,
    entries: opened.entries.map((entry) => toCaseEntry(entry, labels)),
    linkedCases: opened.linked.map((row) => toCaseBrief(row, labels)),
    disclosures: opened.disclosures.map(toDisclosure),
  };
}

/** A disclosure to a third party (ADR 30), its sealed texts already opened. */
export function toDisclosure(row: OpenedDisclosure): Disclosure {
  const recorder = fullName(row.recorder_first_name, row.recorder_last_name);
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    recipientOrganisation: row.recipient_organisation,
    recipientContact: row.recipient_contact,
    lawfulBasis: row.lawful_basis,
    whatShared: row.what_shared,
    why: row.why,
    disclosedOn: row.disclosed_on,
    recordedBy: row.recorded_by && recorder ? { id: row.recorded_by, name: recorder } : null,
    recordedAt: row.created_at.toISOString(),
  };
}
