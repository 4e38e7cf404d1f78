import { describe, expect, it } from 'vitest';
import { shellTexts } from '../src/i18n/shell.ts';
import { accountTexts } from '../src/features/account/texts.ts';
import { chatsTexts, chatWorkTexts } from '../src/features/chats/texts.ts';
import { announcementTexts } from '../src/realtime/announcements.ts';
import { formatDate, formatDateTime, formatTime } from '../src/ui/format.ts';
import { waitingTimeText } from '../src/features/chats/waiting-time.ts';
import { outboxTexts } from '../src/features/outbox/texts.ts';
import { cannedRepliesTexts } from '../src/features/canned-replies/texts.ts';
import { apiKeysTexts } from '../src/features/api-keys/texts.ts';
import { webhooksTexts } from '../src/features/webhooks/texts.ts';
import { mfaTexts } from '../src/features/mfa/texts.ts';
import { invitationsTexts } from '../src/features/invitations/texts.ts';
import { auditTexts } from '../src/features/audit/texts.ts';
import { recordsTexts } from '../src/features/records/texts.ts';
import { casesTexts } from '../src/features/cases/texts.ts';
import { caseWordsTexts } from '../src/features/cases/texts-words.ts';
import { conversationsTexts } from '../src/features/conversations/texts.ts';
import { contactsTexts } from '../src/features/contacts/texts.ts';
import { uiTexts } from '../src/ui/texts.ts';
import { signInTexts } from '../src/features/sign-in/texts.ts';
import { openingHoursTexts } from '../src/features/opening-hours/texts.ts';
import { staffTexts } from '../src/features/staff/texts.ts';
import { reportsTexts } from '../src/features/reports/texts.ts';
import { supervisionTexts } from '../src/features/supervision/texts.ts';
import { dateTexts } from '../src/features/rights/date-texts.ts';
import { processingTexts } from '../src/features/processing/texts.ts';
import { consentsTexts } from '../src/features/consents/texts.ts';
import { retentionTexts } from '../src/features/retention/texts.ts';
import { rightsDataTexts, rightsTexts } from '../src/features/rights/texts.ts';

/**
 * The console's catalogues (ADR 51): every text in English and in Welsh, under the same keys, none
 * empty, every name, number or time a text is given said in both, and the Welsh not English left
 * untranslated. A key missing in either language fails here.
 */
const catalogues = {
  shell: shellTexts,
  account: accountTexts,
  chats: chatsTexts,
  chatWork: chatWorkTexts,
  announcements: announcementTexts,
  outbox: outboxTexts,
  cannedReplies: cannedRepliesTexts,
  apiKeys: apiKeysTexts,
  webhooks: webhooksTexts,
  mfa: mfaTexts,
  invitations: invitationsTexts,
  audit: auditTexts,
  records: recordsTexts,
  cases: casesTexts,
  caseWords: caseWordsTexts,
  conversations: conversationsTexts,
  contacts: contactsTexts,
  ui: uiTexts,
  signIn: signInTexts,
  openingHours: openingHoursTexts,
  staff: staffTexts,
  reports: reportsTexts,
  supervision: supervisionTexts,
  privacyDates: dateTexts,
  processing: processingTexts,
  consents: consentsTexts,
  retention: retentionTexts,
  rights: rightsTexts,
  rightsData: rightsDataTexts,
};

/** Texts that are the same in both languages on purpose: the product's name, and a word Welsh borrows. */
const sameInBoth = new Set(['shell.titleSuffix', 'shell.navigation.staff', 'announcements.residentSays']);

/** What a message function is given here, where a made-up name will not do. */
const samples: Record<string, unknown[]> = {
  'announcements.time': ['2025-06-03T13:05:00.000Z'],
  'announcements.list': [['Card', 'Bank']],
};

type Entry = { key: string; en: unknown; cy: unknown };

function entries(prefix: string, en: object, cy: object): Entry[] {
  const keys = new Set([...Object.keys(en), ...Object.keys(cy)]);
  return [...keys].flatMap((name) => {
    const key = `${prefix}.${name}`;
    const a = (en as Record<string, unknown>)[name];
    const b = (cy as Record<string, unknown>)[name];
    if (a && b && typeof a === 'object' && typeof b === 'object') return entries(key, a, b);
    return [{ key, en: a, cy: b }];
  });
}

const all = Object.entries(catalogues).flatMap(([area, catalogue]) => entries(area, catalogue.en, catalogue.cy));

describe('the console’s catalogues', () => {
  it('have every key in both English and Welsh, of the same kind', () => {
    for (const { key, en, cy } of all) {
      expect(en, `${key} in English`).toBeDefined();
      expect(cy, `${key} in Welsh`).toBeDefined();
      expect(typeof cy, key).toBe(typeof en);
      if (typeof en === 'function') expect((cy as () => string).length, key).toBe((en as () => string).length);
    }
  });

  it('say something in both, with what they are given, and the Welsh is not the English', () => {
    for (const { key, en, cy } of all) {
      if (typeof en === 'string') {
        expect(en.trim(), key).not.toBe('');
        expect((cy as string).trim(), key).not.toBe('');
        if (!sameInBoth.has(key)) expect(cy, `${key} is not translated`).not.toBe(en);
        continue;
      }
      const fn = en as (...args: unknown[]) => string;
      const args = samples[key] ?? Array.from({ length: fn.length }, (_, i) => `Sample${i + 1}`);
      const said = { en: fn(...args), cy: (cy as typeof fn)(...args) };
      for (const text of Object.values(said)) expect(text.trim(), key).not.toBe('');
      if (!sameInBoth.has(key)) expect(said.cy, `${key} is not translated`).not.toBe(said.en);
      for (const arg of args.filter((a) => typeof a === 'string' && a.startsWith('Sample')))
        for (const text of Object.values(said)) expect(text, key).toContain(arg);
    }
  });

  it('keep a problem’s wording out of the other language: none of the English is left in the Welsh', () => {
    const english = all.filter((e) => typeof e.en === 'string' && !sameInBoth.has(e.key)).map((e) => e.en as string);
    const welsh = all.filter((e) => typeof e.cy === 'string').map((e) => e.cy as string);
    for (const text of english.filter((t) => t.length > 12)) expect(welsh, text).not.toContain(text);
  });
});

describe('dates, times and waits in the console’s language', () => {
  it('writes times and dates in Welsh as a Welsh council does, in UK time', () => {
    expect(formatTime('2025-06-03T13:05:00.000Z', 'cy')).toBe('2:05yp');
    expect(formatTime('2025-06-03T08:30:00.000Z', 'cy')).toBe('9:30yb');
    expect(formatTime('2025-01-10T12:00:00.000Z', 'cy')).toBe('canol dydd');
    expect(formatTime('2025-01-10T00:00:00.000Z', 'cy')).toBe('hanner nos');
    expect(formatDate('2025-06-03T13:05:00.000Z', 'cy')).toBe('3 Mehefin 2025');
    expect(formatDateTime('2025-12-03T08:30:00.000Z', 'cy')).toBe('3 Rhagfyr 2025 am 8:30yb');
    expect(formatDateTime('2025-12-03T08:30:00.000Z', 'en')).toBe('3 December 2025 at 8:30am');
  });

  it('says how long a resident has waited in Welsh, the noun singular after a number', () => {
    const since = '2025-06-03T13:00:00.000Z';
    const after = (minutes: number) => Date.parse(since) + minutes * 60_000;
    const cy = chatsTexts.cy;
    expect(waitingTimeText(since, after(0), cy)).toBe('llai na munud');
    expect(waitingTimeText(since, after(3), cy)).toBe('3 munud');
    expect(waitingTimeText(since, after(60), cy)).toBe('1 awr');
    expect(waitingTimeText(since, after(125), cy)).toBe('2 awr 5 munud');
  });

  it('counts unread messages and joins removed details in Welsh', () => {
    const says = announcementTexts.cy;
    expect(says.unread(1)).toBe('1 neges heb ei darllen');
    expect(says.unread(3)).toBe('3 neges heb eu darllen');
    expect(says.redactedHeading(says.list([says.redacted['card-number'], says.redacted['bank-details']]))).toBe(
      'Mae Ward wedi tynnu manylion cerdyn a manylion banc o’ch neges.',
    );
  });
});
