import type { AuditEvent, Language, StaffMember } from '@ward/protocol';
import type { AuditFilters } from './audit-query.ts';
import { formatDate } from '../../ui/format.ts';
import { parseIsoDate } from '../../ui/uk-dates.ts';
import { auditEn, type AuditWording } from './texts-en.ts';

/** What was done, why, and which fields, in English (the Welsh is in texts-cy.ts). */
export const actionNames = auditEn.wording.actions;
export const purposeNames = auditEn.wording.purposes;
export const fieldNames = auditEn.wording.fields;

export const systemName = auditEn.wording.system;

// The functions below word an entry in the console's language: `says`, English unless given.

export function actionName(action: string, says: AuditWording = auditEn.wording): string {
  return (says.actions as Record<string, string>)[action] ?? action;
}

export function purposeName(purpose: string, says: AuditWording = auditEn.wording): string {
  return says.purposes[purpose] ?? purpose;
}

export function fieldName(field: string, says: AuditWording = auditEn.wording): string {
  return says.fields[field] ?? field;
}

export function roleName(
  event: Pick<AuditEvent, 'actorKind' | 'actorRole'>,
  says: AuditWording = auditEn.wording,
): string {
  // Ward's own name, the same in both languages.
  if (event.actorKind === 'system') return 'Ward';
  return (says.roles as Record<string, string>)[event.actorRole] ?? event.actorRole;
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
  says: AuditWording = auditEn.wording,
): string {
  if (event.actorKind === 'system') return says.system;
  const member = staffById.get(event.actorId);
  if (member) return staffName(member);
  return staffListed ? says.unlisted : says.aMemberOfStaff;
}

/** From where: the shortened address, or Ward itself. */
export function sourceName(source: string, says: AuditWording = auditEn.wording): string {
  if (source === 'system') return says.system;
  if (source === '' || source === 'unknown') return says.notKnown;
  return source;
}

/**
 * "1 entry found", "12 entries found", or, when the trail goes on beyond this page, which page:
 * the newest entries, or older ones (`paged`: reached through "Older entries").
 */
export function resultCount(
  count: number,
  page: { older: boolean; paged: boolean },
  says: AuditWording = auditEn.wording,
): string {
  const number = count.toLocaleString('en-GB');
  const entries = count === 1 ? says.entry(number) : says.entries(number);
  if (count === 0) return page.paged ? says.noOlderMatch : says.noneMatch;
  if (!page.paged) return page.older ? says.newestOfMore(entries) : says.found(entries);
  return page.older ? says.olderThanBefore(entries) : says.oldestThatMatch(entries);
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
  says: AuditWording = auditEn.wording,
): string {
  const caseReference =
    caseReferences[0] ??
    events.find((event) => event.dataSubjectId === dataSubjectId && event.caseReference)?.caseReference;
  return caseReference ? says.residentOfCase(caseReference) : says.residentById(dataSubjectId.slice(0, 8));
}

export function residentName(
  dataSubjectId: string,
  events: readonly Pick<AuditEvent, 'dataSubjectId' | 'caseReference'>[],
  caseReferences: readonly string[] = [],
  says: AuditWording = auditEn.wording,
): string {
  const phrase = residentPhrase(dataSubjectId, events, caseReferences, says);
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}

/** The one resident all the entries are about, if there is exactly one (to offer "everything about them"). */
export function onlyResident(events: readonly Pick<AuditEvent, 'dataSubjectId'>[]): string | null {
  const subjects = new Set(events.map((event) => event.dataSubjectId).filter((id): id is string => id !== null));
  return subjects.size === 1 ? ([...subjects][0] ?? null) : null;
}

/** A date from the filters as GOV.UK writes it: "3 June 2026", "3 Mehefin 2026". */
export function filterDate(date: string, language: Language = 'en'): string {
  // Midday UTC is the same calendar day in the UK, whatever the season.
  return parseIsoDate(date) ? formatDate(`${date}T12:00:00.000Z`, language) : date;
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
  says: AuditWording = auditEn.wording,
  language: Language = 'en',
): { name: keyof AuditFilters; label: string; value: string }[] {
  const selected: { name: keyof AuditFilters; label: string; value: string }[] = [];
  if (filters.staffId) {
    const member = staffById.get(filters.staffId);
    selected.push({
      name: 'staffId',
      label: says.memberOfStaff,
      value: member ? staffName(member) : says.unlisted,
    });
  }
  if (filters.dataSubjectId) {
    selected.push({
      name: 'dataSubjectId',
      label: says.resident,
      value: residentName(filters.dataSubjectId, page.events, page.residentCaseReferences, says),
    });
  }
  if (filters.caseReference)
    selected.push({ name: 'caseReference', label: says.caseReference, value: filters.caseReference });
  if (filters.from) selected.push({ name: 'from', label: says.dateFrom, value: filterDate(filters.from, language) });
  if (filters.to) selected.push({ name: 'to', label: says.dateTo, value: filterDate(filters.to, language) });
  return selected;
}
