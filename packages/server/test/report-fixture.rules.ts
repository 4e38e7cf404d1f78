import type { ContactEventKind } from '@ward/protocol';
import type { PlainEvent } from '../src/features/reports/contact-kpis.rules.ts';

/**
 * A hand-computed day of contacts (Tuesday 10 March 2026, GMT, so London time = UTC) for the
 * reports' figures, shared by the pure test and the database test. Two advisers in Council Tax.
 *
 * | chat | asked | wait   | adviser | first response | handle  | survey | notes                 |
 * | A    | 09:00 | 30 s   | s1      | 5 s            | 10 min  | 5      | 4 messages            |
 * | B    | 09:10 | 90 s   | s2      | 15 s           | 5 min   | 3      | transcript, 2 messages|
 * | C    | 10:00 | 120 s  | s1      | 10 s           | 15 min  | —      |                       |
 * | D    | 10:30 | 60 s   | —       | —              | —       | —      | abandoned             |
 * | E    | 11:00 | 30 min | —       | —              | —       | —      | missed                |
 * | F    | 14:00 | 10 s   | s2      | 2 s            | 20 min  | 4      |                       |
 * | G    | 10:05 | 60 s   | s1      | 4 s            | 6 min   | —      | beside C: two at once |
 * | H    | 16:00 | 3 min  | —       | —              | —       | —      | left a message        |
 *
 * Also: two forms (12:00), one email received and answered (13:00), cases opened for the eight
 * chats, the two forms, the email and H's message; closed for the five answered chats and the email.
 * Out of hours (ADR 44): the email came while Council Tax was closed and was answered 30 min later;
 * H's message (a form's case) was answered by email at 17:03, an hour after it came.
 *
 * Advisers' statuses (ADR 44): s1 available 08:30, away 12:00, busy 13:00, offline 15:00 (330 min
 * available, 25 min of it with a chat: A, and C with G inside it); s2 available since the evening
 * before, away 08:00, available 09:00, offline 17:30 (990 min, 25 min with B or F).
 */
export const staffOne = '00000000-0000-4000-8000-000000000001';
export const staffTwo = '00000000-0000-4000-8000-000000000002';
export const fixtureDay = '2026-03-10';

const at = (time: string, plusMs = 0) => new Date(Date.parse(`${fixtureDay}T${time}:00Z`) + plusMs);

function anEvent(
  kind: ContactEventKind,
  occurredAt: Date,
  extra: Partial<Omit<PlainEvent, 'kind' | 'occurredAt'>> & { contactId?: string } = {},
): PlainEvent & { contactId: string } {
  return {
    kind,
    occurredAt,
    channel: 'chat',
    value: null,
    departmentId: 'council-tax',
    topicId: 'council-tax',
    staffId: null,
    contactId: '00000000-0000-4000-8000-00000000aaaa',
    ...extra,
  };
}

type Chat = { time: string; wait: number; staff?: string; first?: number; handle?: number; rating?: number };

/** Each chat's own id (from its letter), so a chat's events can be followed. */
const chatId = (letter: string) =>
  `00000000-0000-4000-8000-0000000c00${(letter.charCodeAt(0) - 96).toString(16).padStart(2, '0')}`;

function chatEvents(letter: string, chat: Chat, end: 'handled' | 'abandoned' | 'missed' | 'left', messages = 0) {
  const asked = at(chat.time);
  const contactId = chatId(letter);
  const event = (
    kind: ContactEventKind,
    occurredAt: Date,
    extra: Partial<Omit<PlainEvent, 'kind' | 'occurredAt'>> = {},
  ) => anEvent(kind, occurredAt, { contactId, ...extra });
  const events = [event('chat-requested', asked), event('chat-queued', asked), event('case-opened', asked)];
  if (end !== 'handled') {
    const kind = end === 'abandoned' ? 'chat-abandoned' : end === 'missed' ? 'chat-missed' : 'chat-left-message';
    events.push(event(kind, at(chat.time, chat.wait), { value: chat.wait }));
    return events;
  }
  const accepted = chat.wait;
  const staffId = chat.staff ?? null;
  events.push(event('chat-assigned', at(chat.time, accepted), { staffId, value: chat.wait }));
  events.push(event('chat-first-response', at(chat.time, accepted + chat.first!), { staffId, value: chat.first! }));
  for (let i = 0; i < messages; i++)
    events.push(event('chat-message', at(chat.time, accepted + 1000 * (i + 1)), { staffId }));
  const ended = at(chat.time, accepted + chat.handle!);
  events.push(event('chat-ended', ended, { staffId, value: chat.handle! }));
  events.push(event('case-closed', ended, { staffId }));
  if (chat.rating)
    events.push(
      event('survey-answered', at(chat.time, accepted + chat.handle! + 60_000), { staffId, value: chat.rating }),
    );
  return events;
}

const minute = 60_000;
const event = anEvent;
const status = (staffId: string, occurredAt: Date, value: number) =>
  anEvent('agent-status', occurredAt, { staffId, value, contactId: staffId, departmentId: null, topicId: null });
export const fixtureEvents: Array<PlainEvent & { contactId: string }> = [
  status(staffTwo, new Date(Date.parse(`${fixtureDay}T00:00:00Z`) - 7 * 60 * minute), 1),
  status(staffTwo, at('08:00'), 3),
  status(staffOne, at('08:30'), 1),
  status(staffTwo, at('09:00'), 1),
  status(staffOne, at('12:00'), 3),
  status(staffOne, at('13:00'), 2),
  status(staffOne, at('15:00'), 0),
  status(staffTwo, at('17:30'), 0),
  ...chatEvents(
    'a',
    { time: '09:00', wait: 30_000, staff: staffOne, first: 5_000, handle: 10 * minute, rating: 5 },
    'handled',
    4,
  ),
  ...chatEvents(
    'b',
    { time: '09:10', wait: 90_000, staff: staffTwo, first: 15_000, handle: 5 * minute, rating: 3 },
    'handled',
    2,
  ),
  event('transcript-requested', at('09:30'), { staffId: staffTwo }),
  ...chatEvents('c', { time: '10:00', wait: 120_000, staff: staffOne, first: 10_000, handle: 15 * minute }, 'handled'),
  ...chatEvents('d', { time: '10:30', wait: minute }, 'abandoned'),
  ...chatEvents('e', { time: '11:00', wait: 30 * minute }, 'missed'),
  ...chatEvents('g', { time: '10:05', wait: minute, staff: staffOne, first: 4_000, handle: 6 * minute }, 'handled'),
  ...chatEvents('h', { time: '16:00', wait: 3 * minute }, 'left'),
  ...chatEvents(
    'f',
    { time: '14:00', wait: 10_000, staff: staffTwo, first: 2_000, handle: 20 * minute, rating: 4 },
    'handled',
  ),
  ...[0, 1].flatMap(() => [
    event('form-submitted', at('12:00'), { channel: 'form', topicId: 'Report a fault' }),
    event('case-opened', at('12:00'), { channel: 'form', topicId: 'Report a fault' }),
  ]),
  event('case-opened', at('13:00'), { channel: 'email', topicId: 'Email' }),
  event('email-received', at('13:00'), { channel: 'email', topicId: 'Email' }),
  event('out-of-hours-received', at('13:00'), { channel: 'email', topicId: 'Email' }),
  event('email-answered', at('13:30'), { channel: 'email', topicId: 'Email', staffId: staffOne }),
  event('out-of-hours-answered', at('13:30'), {
    channel: 'email',
    topicId: 'Email',
    staffId: staffOne,
    value: 30 * minute,
  }),
  event('case-closed', at('13:30'), { channel: 'email', topicId: 'Email', staffId: staffOne }),
  // H's message: a case of its own in the form channel.
  ...(['case-opened', 'chat-left-message', 'out-of-hours-received'] as const).map((kind) =>
    event(kind, at('16:03'), { channel: 'form', topicId: 'council-tax' }),
  ),
  event('email-answered', at('17:03'), { channel: 'email', topicId: 'council-tax', staffId: staffTwo }),
  event('out-of-hours-answered', at('17:03'), {
    channel: 'form',
    topicId: 'council-tax',
    staffId: staffTwo,
    value: 60 * minute,
  }),
];

/** The day's figures as worked out by hand from the table in report-fixture.ts. */
export const expectedDay = {
  offered: 8,
  answered: 5,
  abandoned: 1,
  missed: 1,
  leftMessage: 1,
  // Waits 10, 30, 60, 90, 120 s; first responses 2, 4, 5, 10, 15 s; handle times 5, 6, 10, 15, 20 min.
  waitMs: { p50: 60_000, p90: 120_000, max: 120_000 },
  firstResponseMs: { p50: 5_000, p90: 15_000, max: 15_000 },
  handleMs: { p50: 10 * minute, p90: 20 * minute, max: 20 * minute, average: 11.2 * minute, total: 56 * minute },
  transfers: 0,
  messages: 6,
  transcriptRequests: 1,
  survey: { responses: 3, responseRatePermille: 600, averageRatingHundredths: 400, distribution: [0, 0, 1, 1, 1] },
  formsSubmitted: 2,
  emailsReceived: 1,
  emailsAnswered: 2,
  casesOpened: { chat: 8, email: 1, form: 3 },
  casesClosed: { chat: 5, email: 1 },
  outOfHours: { received: 2, answered: 2, answerMs: { p50: 30 * minute, p90: 60 * minute, max: 60 * minute } },
  // 330 + 990 min available; 25 + 25 min of it with a chat (50 ÷ 1320 = 3.8%); s1 had two at once
  // for 6 min: 31 + 25 chat-minutes over 50 minutes with any = 1.12 at once.
  agentTime: {
    availableMs: 1320 * minute,
    withChatMs: 50 * minute,
    utilisationPermille: 38,
    concurrentMax: 2,
    concurrentAverageHundredths: 112,
  },
};

/** Each adviser's time that day (s1: 25 ÷ 330 = 7.6%, 31 ÷ 25 at once; s2: 25 ÷ 990 = 2.5%). */
export const expectedAgentTime = {
  [staffOne]: {
    availableMs: 330 * minute,
    withChatMs: 25 * minute,
    utilisationPermille: 76,
    concurrentMax: 2,
    concurrentAverageHundredths: 124,
  },
  [staffTwo]: {
    availableMs: 990 * minute,
    withChatMs: 25 * minute,
    utilisationPermille: 25,
    concurrentMax: 1,
    concurrentAverageHundredths: 100,
  },
};
