import type { HoldStatus, RetentionCategory, RetentionPeriod, RetentionUnit } from '@ward/protocol';
import type { RetentionSettings } from '../../shared/organisation-settings.ts';
import {
  addDays,
  addMonths,
  compareDates,
  endOfLondonDay,
  londonDateOf,
  startOfLondonDay,
  type CalendarDate,
} from '../../shared/london-calendar.rules.ts';

/**
 * The categories of a conversation, which run-retention.ts deletes; `emails` (transcript emails
 * in the outbox folder) are files, swept by sweep-outbox.ts in the same runs; cases, form
 * submissions, emails on cases and customer records go in expire-channels.ts.
 */
export const enforcedCategories = [
  'chat-transcripts',
  'consent-evidence',
  'contact-summaries',
  'survey-answers',
] as const satisfies readonly RetentionCategory[];
export type EnforcedCategory = (typeof enforcedCategories)[number];

export type { RetentionUnit };

/** What a category counts in the destruction log when its row does not say (a conversation's categories). */
export const unitOf = (category: RetentionCategory): RetentionUnit =>
  category === 'chat-transcripts' || category === 'consent-evidence'
    ? 'messages'
    : category === 'emails'
      ? 'emails'
      : category === 'customer-records'
        ? 'records'
        : 'conversations';

function shift(date: CalendarDate, period: RetentionPeriod): CalendarDate {
  return 'months' in period ? addMonths(date, period.months) : addDays(date, period.days);
}

/**
 * The last instant data from a contact is kept: the same date `months` later (the last day of
 * that month when it has no such date: 31 January → 28 or 29 February), or `days` later, to the
 * end of that day in Europe/London. It is deleted at the first run after this instant.
 */
export function expiresAt(contactEndedAt: Date, period: RetentionPeriod): Date {
  return endOfLondonDay(shift(londonDateOf(contactEndedAt), period));
}

/**
 * The cut-off for a run at `now`: a contact that ended before it has expired (expiresAt < now),
 * one that ended at or after it has not. Expiry never decreases as contacts get later, so the
 * expired contacts are exactly those before one instant, which the database can use directly.
 */
export function expiredBefore(now: Date, period: RetentionPeriod): Date {
  // Expired ⇔ the expiry date is before today's date in London.
  const lastExpiredDate = addDays(londonDateOf(now), -1);
  let latest = 'months' in period ? addMonths(lastExpiredDate, -period.months) : addDays(lastExpiredDate, -period.days);
  while (compareDates(shift(latest, period), lastExpiredDate) > 0) latest = addDays(latest, -1);
  while (compareDates(shift(addDays(latest, 1), period), lastExpiredDate) <= 0) latest = addDays(latest, 1);
  return startOfLondonDay(addDays(latest, 1));
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** Consent evidence is part of the transcript it proves: it goes at the later of the two expiries. */
export function categoryExpiresAt(category: EnforcedCategory, contactEndedAt: Date, settings: RetentionSettings): Date {
  const own = expiresAt(contactEndedAt, settings[category]);
  return category === 'consent-evidence' ? later(own, expiresAt(contactEndedAt, settings['chat-transcripts'])) : own;
}

export function categoryExpiredBefore(category: EnforcedCategory, now: Date, settings: RetentionSettings): Date {
  const own = expiredBefore(now, settings[category]);
  return category === 'consent-evidence' ? earlier(own, expiredBefore(now, settings['chat-transcripts'])) : own;
}

export function isDue(
  category: EnforcedCategory,
  contactEndedAt: Date,
  settings: RetentionSettings,
  now: Date,
): boolean {
  return categoryExpiresAt(category, contactEndedAt, settings).getTime() < now.getTime();
}

export function describePeriod(period: RetentionPeriod): string {
  const [amount, unit] = 'months' in period ? [period.months, 'month'] : [period.days, 'day'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** The rule as the destruction log records it, e.g. "chat-transcripts: 1 month". */
export function ruleFor(category: RetentionCategory, settings: RetentionSettings): string {
  const rule = `${category}: ${describePeriod(settings[category])}`;
  return category === 'consent-evidence'
    ? `${rule}, and not before its transcript (${describePeriod(settings['chat-transcripts'])})`
    : rule;
}

// ---- Emails in the outbox ----

/** An email in the outbox as the sweep sees it: when it was written, and whose data it carries. */
export type OutboxEmailFacts = { id: string; writtenAt: Date; dataSubjectId: string; conversationId?: string };

/**
 * The outbox emails to delete at `now`: written before the `emails` cut-off (their period after
 * they were written, to the end of that London day, has passed) and not about a held resident.
 * An outbox email names its resident, not its conversation, so any active hold touching that
 * resident (on them, or on one of their conversations) keeps it: when unsure, keep.
 */
export function dueOutboxEmails<E extends OutboxEmailFacts>(
  emails: readonly E[],
  now: Date,
  settings: RetentionSettings,
  heldSubjects: ReadonlySet<string>,
): E[] {
  const cutoff = expiredBefore(now, settings.emails).getTime();
  return emails.filter((email) => email.writtenAt.getTime() < cutoff && !heldSubjects.has(email.dataSubjectId));
}

/**
 * The transcript emails whose chat no longer has its personal data (retention deleted it, or the
 * resident's key was destroyed): they go at once, whatever their own period (ADR 29). An email
 * written before it named its chat follows only its own period.
 */
export function orphanedTranscriptEmails<E extends OutboxEmailFacts>(
  emails: readonly E[],
  goneConversations: ReadonlySet<string>,
): E[] {
  return emails.filter((email) => email.conversationId !== undefined && goneConversations.has(email.conversationId));
}

// ---- Cases, form submissions and customer records ----

/**
 * When a case's contact ended, for retention: when it was closed. An open case (or one reopened,
 * which clears `closed_at`) has not ended: staff are still working on it, so it never expires.
 * A chat's case closes when the chat ends.
 */
export function caseContactEnded(kase: { status: string; closedAt: Date | null }): Date | null {
  return kase.status === 'closed' ? kase.closedAt : null;
}

/**
 * The last instant a case's summary and notes are kept (`contact-summaries` after it closed); null while it is open.
 */
export function caseExpiresAt(
  kase: { status: string; closedAt: Date | null },
  settings: RetentionSettings,
): Date | null {
  const ended = caseContactEnded(kase);
  return ended ? expiresAt(ended, settings['contact-summaries']) : null;
}

/**
 * The retention category of a form's answers: the one its definition names (ADR 16), or
 * `contact-summaries` (the definitions' default) for a form no longer in the settings.
 */
export function formCategory(
  forms: ReadonlyArray<{ id: string; retention: RetentionCategory }>,
  formId: string,
): RetentionCategory {
  return forms.find((form) => form.id === formId)?.retention ?? 'contact-summaries';
}

/**
 * The last instant a form's answers are kept: its category's period after its case closed (the
 * contact ended, as for the case itself); null while the case is open.
 */
export function submissionExpiresAt(
  submission: { formId: string; caseStatus: string; caseClosedAt: Date | null },
  forms: ReadonlyArray<{ id: string; retention: RetentionCategory }>,
  settings: RetentionSettings,
): Date | null {
  const ended = caseContactEnded({ status: submission.caseStatus, closedAt: submission.caseClosedAt });
  return ended ? expiresAt(ended, settings[formCategory(forms, submission.formId)]) : null;
}

/**
 * What a customer record's period counts from: its last contact's end, or its creation if it
 * never had one, whichever is later (a record created for an old contact keeps its full period).
 */
export function recordContactAt(record: { createdAt: Date; lastContactEndedAt: Date | null }): Date {
  const { createdAt, lastContactEndedAt } = record;
  return lastContactEndedAt && lastContactEndedAt.getTime() > createdAt.getTime() ? lastContactEndedAt : createdAt;
}

/**
 * Whether a customer record's own details may go (ADR 11, `customer-records`): its period has
 * passed, none of its cases is open, nothing of its contacts still holds personal data (each goes
 * by its own category first), and no hold covers it.
 */
export function recordIsDue(
  record: {
    createdAt: Date;
    lastContactEndedAt: Date | null;
    openCases: number;
    contactsWithPersonalData: number;
    held: boolean;
  },
  settings: RetentionSettings,
  now: Date,
): boolean {
  if (record.held || record.openCases > 0 || record.contactsWithPersonalData > 0) return false;
  return expiresAt(recordContactAt(record), settings['customer-records']).getTime() < now.getTime();
}

// ---- Legal holds ----

export type Hold = {
  conversationId: string | null;
  dataSubjectId: string | null;
  caseId?: string | null;
  endsAt: Date | null;
  liftedAt: Date | null;
};

export function holdStatus(hold: Pick<Hold, 'endsAt' | 'liftedAt'>, now: Date): HoldStatus {
  if (hold.liftedAt) return 'lifted';
  return hold.endsAt && hold.endsAt.getTime() <= now.getTime() ? 'ended' : 'active';
}

/** A hold that is not lifted and has no end, or an end still to come, stops deletion of what it covers. */
export function isHeld(
  holds: readonly Hold[],
  conversation: { id: string; dataSubjectId: string; caseId?: string | null },
  now: Date,
): boolean {
  return holdsTouch(
    holds,
    {
      conversationIds: [conversation.id],
      caseIds: conversation.caseId ? [conversation.caseId] : [],
      dataSubjectIds: [conversation.dataSubjectId],
    },
    now,
  );
}

/**
 * Whether an active hold touches anything that makes up a piece of data: the conversations,
 * cases and data subjects it belongs to (a case: itself, its chat, its subject, its record's and
 * its chat's subjects). When unsure, keep: any one of them is enough.
 */
export function holdsTouch(
  holds: readonly Hold[],
  target: { conversationIds: readonly string[]; caseIds: readonly string[]; dataSubjectIds: readonly string[] },
  now: Date,
): boolean {
  return holds.some(
    (hold) =>
      holdStatus(hold, now) === 'active' &&
      ((hold.conversationId !== null && target.conversationIds.includes(hold.conversationId)) ||
        (hold.caseId != null && target.caseIds.includes(hold.caseId)) ||
        (hold.dataSubjectId !== null && target.dataSubjectIds.includes(hold.dataSubjectId))),
  );
}

/** Why a requested end of a hold cannot be used, or null when it can. */
export function holdEndProblem(endsAt: Date | null, now: Date): string | null {
  return endsAt && endsAt.getTime() <= now.getTime() ? 'The end of the hold must be in the future' : null;
}
