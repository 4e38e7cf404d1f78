import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RetentionPeriod } from '@ward/protocol';
import {
  expiresAt,
  expiredBefore,
  categoryExpiresAt,
  caseContactEnded,
  caseExpiresAt,
  dueOutboxEmails,
  formCategory,
  holdStatus,
  holdsTouch,
  isDue,
  isHeld,
  recordContactAt,
  recordIsDue,
  ruleFor,
  submissionExpiresAt,
  unitOf,
  type Hold,
} from '../src/features/retention/retention.rules.ts';
import {
  addDays,
  endOfLondonDay,
  londonDateOf,
  londonOffsetMs,
  startOfLondonDay,
} from '../src/shared/london-calendar.rules.ts';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';

const month = { months: 1 } as const;
const at = (iso: string) => new Date(iso);
const expiry = (contact: string, period: RetentionPeriod = month) => expiresAt(at(contact), period).toISOString();
const defaults = OrganisationSettings.parse({ topics: [{ id: 'bins', label: 'Bins' }] }).retention;

describe('one full calendar month after the contact, to the end of that day in London', () => {
  it('keeps a contact of 31 January through 28 February (29 in a leap year)', () => {
    expect(expiry('2025-01-31T10:00:00Z')).toBe('2025-02-28T23:59:59.999Z');
    expect(expiry('2024-01-31T10:00:00Z')).toBe('2024-02-29T23:59:59.999Z');
    const kept = at('2025-02-28T23:59:59.999Z');
    expect(isDue('chat-transcripts', at('2025-01-31T10:00:00Z'), defaults, kept)).toBe(false);
    expect(isDue('chat-transcripts', at('2025-01-31T10:00:00Z'), defaults, new Date(kept.getTime() + 1))).toBe(true);
  });

  it('moves 29 February to 29 March, and a year on to 28 February', () => {
    expect(expiry('2024-02-29T12:00:00Z')).toBe('2024-03-29T23:59:59.999Z');
    expect(expiry('2024-02-29T12:00:00Z', { months: 12 })).toBe('2025-02-28T23:59:59.999Z');
  });

  it('moves 31 March to 30 April, whose end is in British Summer Time', () => {
    expect(expiry('2025-03-31T12:00:00Z')).toBe('2025-04-30T22:59:59.999Z');
  });

  it('handles contacts on the day the clocks go forward (last Sunday of March, 23 hours long)', () => {
    expect(startOfLondonDay({ year: 2025, month: 3, day: 30 }).toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(endOfLondonDay({ year: 2025, month: 3, day: 30 }).toISOString()).toBe('2025-03-30T22:59:59.999Z');
    // 00:30 GMT before the change and 02:30 BST after it are the same day.
    expect(expiry('2025-03-30T00:30:00Z')).toBe('2025-04-30T22:59:59.999Z');
    expect(expiry('2025-03-30T01:30:00Z')).toBe('2025-04-30T22:59:59.999Z');
    expect(expiry('2025-03-29T23:30:00Z', { days: 1 })).toBe('2025-03-30T22:59:59.999Z');
  });

  it('handles contacts on the day the clocks go back (last Sunday of October, 25 hours long)', () => {
    expect(startOfLondonDay({ year: 2025, month: 10, day: 26 }).toISOString()).toBe('2025-10-25T23:00:00.000Z');
    expect(endOfLondonDay({ year: 2025, month: 10, day: 26 }).toISOString()).toBe('2025-10-26T23:59:59.999Z');
    // 00:30 BST, the first 01:30 (BST) and the second 01:30 (GMT) are all 26 October.
    for (const contact of ['2025-10-25T23:30:00Z', '2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z']) {
      expect(expiry(contact)).toBe('2025-11-26T23:59:59.999Z');
    }
    expect(expiry('2025-09-26T23:30:00Z')).toBe('2025-10-27T23:59:59.999Z');
  });

  it('counts the London date, not the UTC one, just before and after midnight', () => {
    // Summer: midnight in London is 23:00 UTC.
    expect(expiry('2025-06-30T22:59:59.999Z')).toBe('2025-07-30T22:59:59.999Z');
    expect(expiry('2025-06-30T23:00:00.000Z')).toBe('2025-08-01T22:59:59.999Z');
    // Winter: London is on UTC.
    expect(expiry('2025-01-15T23:59:59.999Z')).toBe('2025-02-15T23:59:59.999Z');
    expect(expiry('2025-01-16T00:00:00.000Z')).toBe('2025-02-16T23:59:59.999Z');
  });

  it('keeps consent evidence at least as long as the transcript it proves', () => {
    const settings = { ...defaults, 'chat-transcripts': { months: 3 }, 'consent-evidence': { days: 7 } };
    expect(categoryExpiresAt('consent-evidence', at('2025-01-10T12:00:00Z'), settings).toISOString()).toBe(
      '2025-04-10T22:59:59.999Z',
    );
    expect(ruleFor('consent-evidence', settings)).toBe(
      'consent-evidence: 7 days, and not before its transcript (3 months)',
    );
    expect(ruleFor('chat-transcripts', defaults)).toBe('chat-transcripts: 1 month');
  });
});

const instant = fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-12-31T00:00:00Z'), noInvalidDate: true });
const period: fc.Arbitrary<RetentionPeriod> = fc.oneof(
  fc.integer({ min: 1, max: 36 }).map((months) => ({ months })),
  fc.integer({ min: 1, max: 400 }).map((days) => ({ days })),
);
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** London's wall-clock time, as if it were UTC. */
const wall = (date: Date) => date.getTime() + londonOffsetMs(date.getTime());
/** The period's whole days from the contact's London date, by plain UTC calendar arithmetic. */
function wholeDays(contact: Date, p: RetentionPeriod): number {
  if ('days' in p) return p.days;
  const { year, month: m, day } = londonDateOf(contact);
  const lastDay = new Date(Date.UTC(year, m - 1 + p.months + 1, 0)).getUTCDate();
  return Math.round((Date.UTC(year, m - 1 + p.months, Math.min(day, lastDay)) - Date.UTC(year, m - 1, day)) / dayMs);
}

describe('expiry, for any contact and period', () => {
  it('is never earlier than the contact plus the period’s whole days', () => {
    fc.assert(
      fc.property(instant, period, (contact, p) => {
        const end = expiresAt(contact, p);
        const days = wholeDays(contact, p);
        expect(days).toBeGreaterThanOrEqual('days' in p ? p.days : 28 * p.months);
        // On London's clock, at least that many whole days; in elapsed time too, less the hour
        // a spring-forward day does not have.
        expect(wall(end) - wall(contact)).toBeGreaterThanOrEqual(days * dayMs);
        expect(end.getTime() - contact.getTime()).toBeGreaterThanOrEqual(days * dayMs - hourMs);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the last millisecond of a London day, and never moves earlier for a later contact', () => {
    fc.assert(
      fc.property(instant, instant, period, (a, b, p) => {
        const end = expiresAt(a, p);
        expect(endOfLondonDay(londonDateOf(end)).getTime()).toBe(end.getTime());
        expect(londonDateOf(new Date(end.getTime() + 1))).toEqual(addDays(londonDateOf(end), 1));
        const [first, second] = a <= b ? [a, b] : [b, a];
        expect(expiresAt(first, p).getTime()).toBeLessThanOrEqual(expiresAt(second, p).getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('is due exactly for the contacts before the run’s cut-off', () => {
    fc.assert(
      fc.property(instant, instant, period, (contact, now, p) => {
        expect(expiresAt(contact, p).getTime() < now.getTime()).toBe(
          contact.getTime() < expiredBefore(now, p).getTime(),
        );
      }),
      { numRuns: 3000 },
    );
    // Around the boundary, where an off-by-one would hide.
    fc.assert(
      fc.property(instant, period, fc.integer({ min: -2 * dayMs, max: 2 * dayMs }), (contact, p, delta) => {
        const now = new Date(expiresAt(contact, p).getTime() + delta);
        expect(delta > 0).toBe(contact.getTime() < expiredBefore(now, p).getTime());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('legal holds', () => {
  const now = at('2025-06-01T12:00:00Z');
  const conversation = { id: 'c1', dataSubjectId: 's1' };
  const hold = (h: Partial<Hold>): Hold => ({
    conversationId: null,
    dataSubjectId: null,
    endsAt: null,
    liftedAt: null,
    ...h,
  });

  it('stops deletion while not lifted and without an end, or with an end still to come', () => {
    expect(isHeld([hold({ conversationId: 'c1' })], conversation, now)).toBe(true);
    expect(isHeld([hold({ dataSubjectId: 's1' })], conversation, now)).toBe(true);
    expect(isHeld([hold({ conversationId: 'c1', endsAt: at('2025-06-02T00:00:00Z') })], conversation, now)).toBe(true);
    expect(isHeld([hold({ conversationId: 'c1', endsAt: now })], conversation, now)).toBe(false);
    expect(isHeld([hold({ conversationId: 'c1', liftedAt: at('2025-05-01T00:00:00Z') })], conversation, now)).toBe(
      false,
    );
    expect(isHeld([hold({ conversationId: 'c2' }), hold({ dataSubjectId: 's2' })], conversation, now)).toBe(false);
    expect(holdStatus({ endsAt: at('2025-01-01T00:00:00Z'), liftedAt: null }, now)).toBe('ended');
  });

  it('holds exactly when some active hold covers the conversation or its resident', () => {
    const arbitraryHold = fc.record({
      conversationId: fc.constantFrom(null, 'c1', 'c2'),
      dataSubjectId: fc.constantFrom(null, 's1', 's2'),
      endsAt: fc.option(instant, { nil: null }),
      liftedAt: fc.option(instant, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryHold, { maxLength: 5 }), instant, (holds, when) => {
        const expected = holds.some(
          (h) =>
            !h.liftedAt && (!h.endsAt || h.endsAt > when) && (h.conversationId === 'c1' || h.dataSubjectId === 's1'),
        );
        expect(isHeld(holds, conversation, when)).toBe(expected);
      }),
    );
  });
});

describe('retention settings', () => {
  it('defaults to the councils’ privacy notices, and takes periods as data', () => {
    expect(defaults).toEqual({
      'chat-transcripts': { months: 1 },
      'contact-summaries': { months: 1 },
      'survey-answers': { months: 12 },
      'consent-evidence': { months: 1 },
      emails: { months: 1 },
      'customer-records': { months: 24 },
      'rights-requests': { months: 24 },
      'contact-events': { months: 25 },
    });
    const custom = OrganisationSettings.parse({
      topics: [{ id: 'bins', label: 'Bins' }],
      retention: { 'chat-transcripts': { days: 30 } },
    });
    expect(custom.retention['chat-transcripts']).toEqual({ days: 30 });
    expect(custom.retention['survey-answers']).toEqual({ months: 12 });
  });

  it('refuses periods that are not whole months or days, or empty', () => {
    for (const bad of [{ weeks: 2 }, { months: 0 }, { months: 1, days: 2 }, { days: 1.5 }, {}]) {
      expect(
        OrganisationSettings.safeParse({
          topics: [{ id: 'bins', label: 'Bins' }],
          retention: { 'chat-transcripts': bad },
        }).success,
      ).toBe(false);
    }
    expect(
      OrganisationSettings.safeParse({
        topics: [{ id: 'bins', label: 'Bins' }],
        retention: { 'phone-calls': { months: 1 } },
      }).success,
    ).toBe(false);
  });
});

describe('emails in the outbox', () => {
  const subject = '33333333-0000-4000-8000-000000000001';
  const held = '33333333-0000-4000-8000-000000000002';
  const email = (id: string, writtenAt: string, dataSubjectId = subject) => ({
    id,
    writtenAt: at(writtenAt),
    dataSubjectId,
  });
  const none = new Set<string>();

  it('go one full calendar month after they were written, at the end of that London day', () => {
    const written31January = [email('a', '2025-01-31T10:00:00Z')];
    expect(dueOutboxEmails(written31January, at('2025-02-28T23:59:59.999Z'), defaults, none)).toEqual([]);
    expect(dueOutboxEmails(written31January, at('2025-03-01T00:00:00.000Z'), defaults, none).map((e) => e.id)).toEqual([
      'a',
    ]);
    // Leap year: kept through 29 February.
    expect(
      dueOutboxEmails([email('b', '2024-01-31T10:00:00Z')], at('2024-02-29T23:59:59.999Z'), defaults, none),
    ).toHaveLength(0);
    expect(
      dueOutboxEmails([email('b', '2024-01-31T10:00:00Z')], at('2024-03-01T00:00:00.000Z'), defaults, none),
    ).toHaveLength(1);
    // Written at 00:30 BST on 1 April (23:30 UTC on 31 March) is a 1 April email: kept to the end of 1 May, BST.
    const april = [email('c', '2025-03-31T23:30:00Z')];
    expect(dueOutboxEmails(april, at('2025-05-01T22:59:59.999Z'), defaults, none)).toHaveLength(0);
    expect(dueOutboxEmails(april, at('2025-05-01T23:00:00.000Z'), defaults, none)).toHaveLength(1);
  });

  it('follow the organisation’s emails period, and stay while a hold touches their resident', () => {
    const settings = { ...defaults, emails: { days: 7 } };
    const emails = [
      email('a', '2025-06-01T09:00:00Z'),
      email('b', '2025-06-01T09:00:00Z', held),
      email('c', '2025-06-05T09:00:00Z'),
    ];
    expect(dueOutboxEmails(emails, at('2025-06-09T00:00:00Z'), settings, new Set([held])).map((e) => e.id)).toEqual([
      'a',
    ]);
    expect(dueOutboxEmails(emails, at('2025-06-09T00:00:00Z'), settings, none).map((e) => e.id)).toEqual(['a', 'b']);
    expect(ruleFor('emails', settings)).toBe('emails: 7 days');
    expect(unitOf('emails')).toBe('emails');
  });

  it('agree with expiresAt for any writing time and run time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 * 24 * 3600 }),
        (writtenAt, secondsLater) => {
          const now = new Date(writtenAt.getTime() + secondsLater * 1000);
          const due =
            dueOutboxEmails([{ id: 'x', writtenAt, dataSubjectId: subject }], now, defaults, none).length === 1;
          return due === expiresAt(writtenAt, defaults.emails).getTime() < now.getTime();
        },
      ),
    );
  });
});

describe('cases, form answers and customer records', () => {
  const closed = (iso: string) => ({ status: 'closed', closedAt: at(iso) });

  it('count a case from when it closed, and never expire an open one', () => {
    expect(caseContactEnded(closed('2025-01-31T10:00:00Z'))).toEqual(at('2025-01-31T10:00:00Z'));
    expect(caseContactEnded({ status: 'open', closedAt: null })).toBeNull();
    // Reopened: closed_at is cleared, but even a stale one does not count while it is not closed.
    expect(caseContactEnded({ status: 'awaiting-resident', closedAt: at('2025-01-31T10:00:00Z') })).toBeNull();
    expect(caseExpiresAt(closed('2025-01-31T10:00:00Z'), defaults)?.toISOString()).toBe('2025-02-28T23:59:59.999Z');
    // Closed at 00:30 BST on 1 May (23:30 UTC on 30 April): a 1 May contact, kept to the end of 1 June (BST).
    expect(caseExpiresAt(closed('2025-04-30T23:30:00Z'), defaults)?.toISOString()).toBe('2025-06-01T22:59:59.999Z');
    expect(caseExpiresAt({ status: 'open', closedAt: null }, defaults)).toBeNull();
  });

  it('keep form answers for the period of the category their form names, after the case closed', () => {
    const forms = [
      { id: 'report-a-fault', retention: 'survey-answers' as const },
      { id: 'leave-your-details', retention: 'contact-summaries' as const },
    ];
    expect(formCategory(forms, 'report-a-fault')).toBe('survey-answers');
    expect(formCategory(forms, 'gone-form')).toBe('contact-summaries');
    const submission = (formId: string, caseStatus = 'closed') => ({
      formId,
      caseStatus,
      caseClosedAt: at('2025-01-31T10:00:00Z'),
    });
    expect(submissionExpiresAt(submission('leave-your-details'), forms, defaults)?.toISOString()).toBe(
      '2025-02-28T23:59:59.999Z',
    );
    expect(submissionExpiresAt(submission('report-a-fault'), forms, defaults)?.toISOString()).toBe(
      '2026-01-31T23:59:59.999Z',
    );
    expect(submissionExpiresAt(submission('report-a-fault', 'open'), forms, defaults)).toBeNull();
  });

  it('keep a customer record 24 months after its last contact ended, or its creation, whichever is later', () => {
    const created = at('2025-03-01T09:00:00Z');
    expect(recordContactAt({ createdAt: created, lastContactEndedAt: null })).toEqual(created);
    expect(recordContactAt({ createdAt: created, lastContactEndedAt: at('2025-06-30T12:00:00Z') })).toEqual(
      at('2025-06-30T12:00:00Z'),
    );
    expect(recordContactAt({ createdAt: created, lastContactEndedAt: at('2024-01-01T12:00:00Z') })).toEqual(created);
    const record = {
      createdAt: created,
      lastContactEndedAt: at('2025-06-30T12:00:00Z'),
      openCases: 0,
      contactsWithPersonalData: 0,
      held: false,
    };
    // 30 June 2025 + 24 months: the end of 30 June 2027, in BST.
    expect(recordIsDue(record, defaults, at('2027-06-30T22:59:59.999Z'))).toBe(false);
    expect(recordIsDue(record, defaults, at('2027-06-30T23:00:00.000Z'))).toBe(true);
    const later = at('2030-01-01T00:00:00Z');
    expect(recordIsDue({ ...record, openCases: 1 }, defaults, later)).toBe(false);
    expect(recordIsDue({ ...record, contactsWithPersonalData: 1 }, defaults, later)).toBe(false);
    expect(recordIsDue({ ...record, held: true }, defaults, later)).toBe(false);
    expect(recordIsDue(record, { ...defaults, 'customer-records': { months: 6 } }, at('2026-01-01T00:00:00Z'))).toBe(
      true,
    );
    expect(ruleFor('customer-records', defaults)).toBe('customer-records: 24 months');
    expect(unitOf('customer-records')).toBe('records');
  });

  it('hold a case through itself, its chat or any of its data subjects', () => {
    const now = at('2025-06-01T00:00:00Z');
    const onCase: Hold = { conversationId: null, dataSubjectId: null, caseId: 'case-1', endsAt: null, liftedAt: null };
    const target = {
      conversationIds: ['chat-1'],
      caseIds: ['case-1'],
      dataSubjectIds: ['subject-1', 'record-subject-1'],
    };
    expect(holdsTouch([onCase], target, now)).toBe(true);
    expect(holdsTouch([{ ...onCase, caseId: 'case-2' }], target, now)).toBe(false);
    expect(holdsTouch([{ ...onCase, caseId: null, conversationId: 'chat-1' }], target, now)).toBe(true);
    expect(holdsTouch([{ ...onCase, caseId: null, dataSubjectId: 'record-subject-1' }], target, now)).toBe(true);
    expect(holdsTouch([{ ...onCase, liftedAt: at('2025-05-01T00:00:00Z') }], target, now)).toBe(false);
    expect(holdsTouch([{ ...onCase, endsAt: now }], target, now)).toBe(false);
    // A conversation is held by a hold on its case.
    expect(isHeld([onCase], { id: 'chat-1', dataSubjectId: 'subject-1', caseId: 'case-1' }, now)).toBe(true);
    expect(isHeld([onCase], { id: 'chat-1', dataSubjectId: 'subject-1' }, now)).toBe(false);
  });
});
