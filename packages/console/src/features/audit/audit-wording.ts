import type { AuditAction, AuditEvent, StaffMember } from '@ward/protocol';
import type { AuditFilters } from './audit-query.ts';
import { parseIsoDate } from '../../ui/uk-dates.ts';
import { roleNames } from '../../session/roles.ts';

/** What was done, in plain English. */
export const actionNames: Record<AuditAction, string> = {
  read: 'Viewed',
  create: 'Created',
  update: 'Changed',
  export: 'Exported',
  delete: 'Deleted',
};

/** Why, for each purpose code Ward records (docs/adr/0012-audit-trail.md). */
export const purposeNames: Record<string, string> = {
  'handle-chat': 'Handling a chat',
  'review-contact': 'Reviewing a contact',
  retention: 'Deleting at the end of the retention period',
  'transcript-request': 'Sending a transcript the resident asked for',
  'rights-request': 'Answering a data rights request',
  'audit-review': 'Reviewing the audit trail',
  'legal-hold': 'Managing a legal hold',
  'sign-in': 'Signing in',
  'account-security': 'Two-step sign-in (set up, changed or reset)',
  supervision: 'Supervising a live chat',
  administration: 'Changing opening hours or routing',
};

/** Field names as staff know them; a name Ward does not know yet is shown as it is. */
export const fieldNames: Record<string, string> = {
  visitor_name: 'Resident’s name',
  visitor_email: 'Email address',
  ip_address: 'IP address',
  browser: 'Browser',
  operating_system: 'Operating system',
  location: 'Approximate location',
  summary: 'Summary',
  survey_comment: 'Survey comment',
  pre_chat_answers: 'Pre-chat answers',
  'messages.body': 'Messages',
  'messages.consent_evidence': 'Consent evidence',
  consent_given: 'Consent given',
  transcript_email: 'Transcript email address',
  conversation_corrections: 'Earlier details and reasons for corrections',
  audit_events: 'Audit trail',
  lifted_at: 'Legal hold lifted',
  conversation: 'Legal hold on the conversation',
  data_subject: 'Legal hold on the resident',
  // A staff account made or changed at single sign-on (ADR 23).
  email: 'Email address',
  first_name: 'First name',
  last_name: 'Last name',
  role: 'Role',
  departments: 'Departments',
  mfa_secret: 'Two-step sign-in',
  mfa_recovery_codes: 'Recovery codes',
};

export const systemName = 'Ward (automatic)';

const actorRoleNames: Record<string, string> = { ...roleNames, system: 'Ward' };

export function actionName(action: string): string {
  return (actionNames as Record<string, string>)[action] ?? action;
}

export function purposeName(purpose: string): string {
  return purposeNames[purpose] ?? purpose;
}

export function fieldName(field: string): string {
  return fieldNames[field] ?? field;
}

export function roleName(event: Pick<AuditEvent, 'actorKind' | 'actorRole'>): string {
  if (event.actorKind === 'system') return 'Ward';
  return actorRoleNames[event.actorRole] ?? event.actorRole;
}

export function staffName(member: Pick<StaffMember, 'firstName' | 'lastName'>): string {
  return `${member.firstName} ${member.lastName}`.trim();
}

/** Who did it: the member of staff's name, "Ward (automatic)", or a note that they are no longer listed. */
export function whoName(
  event: Pick<AuditEvent, 'actorKind' | 'actorId'>,
  staffById: ReadonlyMap<string, Pick<StaffMember, 'firstName' | 'lastName'>>,
  /** Whether the staff list loaded: if not, a name missing from it says nothing. */
  staffListed = true,
): string {
  if (event.actorKind === 'system') return systemName;
  const member = staffById.get(event.actorId);
  if (member) return staffName(member);
  return staffListed ? 'A member of staff no longer listed' : 'A member of staff';
}

/** From where: the shortened address, or Ward itself. */
export function sourceName(source: string): string {
  if (source === 'system') return systemName;
  if (source === '' || source === 'unknown') return 'Not known';
  return source;
}

/**
 * "1 entry found", "12 entries found", or, when the trail goes on beyond this page, which page:
 * the newest entries, or older ones (`paged`: reached through "Older entries").
 */
export function resultCount(count: number, page: { older: boolean; paged: boolean }): string {
  const entries = `${count.toLocaleString('en-GB')} ${count === 1 ? 'entry' : 'entries'}`;
  if (count === 0) return page.paged ? 'No older entries match these filters' : 'No entries match these filters';
  if (!page.paged)
    return page.older ? `Showing the newest ${entries}. Older entries are on the next page` : `${entries} found`;
  return page.older ? `Showing ${entries}, older than the page before` : `Showing the oldest ${entries} that match`;
}

/**
 * A resident as the audit trail can name them without their personal data: by a case reference
 * of theirs that the entries show, or by the start of their id.
 */
export function residentPhrase(
  dataSubjectId: string,
  events: readonly Pick<AuditEvent, 'dataSubjectId' | 'caseReference'>[],
  /** Their case references, when the API sent them (filtered by this resident). */
  caseReferences: readonly string[] = [],
): string {
  const caseReference =
    caseReferences[0] ??
    events.find((event) => event.dataSubjectId === dataSubjectId && event.caseReference)?.caseReference;
  return caseReference ? `the resident of case ${caseReference}` : `resident ${dataSubjectId.slice(0, 8)}`;
}

export function residentName(
  dataSubjectId: string,
  events: readonly Pick<AuditEvent, 'dataSubjectId' | 'caseReference'>[],
  caseReferences: readonly string[] = [],
): string {
  const phrase = residentPhrase(dataSubjectId, events, caseReferences);
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}

/** The one resident all the entries are about, if there is exactly one (to offer "everything about them"). */
export function onlyResident(events: readonly Pick<AuditEvent, 'dataSubjectId'>[]): string | null {
  const subjects = new Set(events.map((event) => event.dataSubjectId).filter((id): id is string => id !== null));
  return subjects.size === 1 ? ([...subjects][0] ?? null) : null;
}

/** A date from the filters as GOV.UK writes it: "3 June 2026". */
export function filterDate(date: string): string {
  const parsed = parseIsoDate(date);
  if (!parsed) return date;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${parsed.day} ${months[parsed.month - 1] ?? ''} ${parsed.year}`;
}

/** The filters in use, for the "Selected filters" list: a label and the value shown. */
export function selectedFilters(
  filters: AuditFilters,
  staffById: ReadonlyMap<string, Pick<StaffMember, 'firstName' | 'lastName'>>,
  /** The page shown, to name the resident filtered by (by a case reference of theirs). */
  page: {
    events: readonly Pick<AuditEvent, 'dataSubjectId' | 'caseReference'>[];
    residentCaseReferences?: readonly string[];
  } = { events: [] },
): { name: keyof AuditFilters; label: string; value: string }[] {
  const selected: { name: keyof AuditFilters; label: string; value: string }[] = [];
  if (filters.staffId) {
    const member = staffById.get(filters.staffId);
    selected.push({
      name: 'staffId',
      label: 'Member of staff',
      value: member ? staffName(member) : 'A member of staff no longer listed',
    });
  }
  if (filters.dataSubjectId) {
    selected.push({
      name: 'dataSubjectId',
      label: 'Resident',
      value: residentName(filters.dataSubjectId, page.events, page.residentCaseReferences),
    });
  }
  if (filters.caseReference)
    selected.push({ name: 'caseReference', label: 'Case reference', value: filters.caseReference });
  if (filters.from) selected.push({ name: 'from', label: 'Date from', value: filterDate(filters.from) });
  if (filters.to) selected.push({ name: 'to', label: 'Date to', value: filterDate(filters.to) });
  return selected;
}
