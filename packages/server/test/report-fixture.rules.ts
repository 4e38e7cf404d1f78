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
 *
 * Also: two forms (12:00), one email received and answered (13:00), cases opened for the six
 * chats, the two forms and the email; closed for the four answered chats and the email.
 */
export const staffOne = '00000000-0000-4000-8000-000000000001';
export const staffTwo = '00000000-0000-4000-8000-000000000002';
export const fixtureDay = '2026-03-10';

const at = (time: string, plusMs = 0) => new Date(Date.parse(`${fixtureDay}T${time}:00Z`) + plusMs);

function event(
  kind: ContactEventKind,
  occurredAt: Date,
  extra: Partial<Omit<PlainEvent, 'kind' | 'occurredAt'>> = {},
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

function chatEvents(chat: Chat, end: 'handled' | 'abandoned' | 'missed', messages = 0) {
  const asked = at(chat.time);
  const events = [event('chat-requested', asked), event('chat-queued', asked), event('case-opened', asked)];
  if (end !== 'handled') {
    events.push(
      event(end === 'abandoned' ? 'chat-abandoned' : 'chat-missed', at(chat.time, chat.wait), { value: chat.wait }),
    );
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
export const fixtureEvents: Array<PlainEvent & { contactId: string }> = [
  ...chatEvents(
    { time: '09:00', wait: 30_000, staff: staffOne, first: 5_000, handle: 10 * minute, rating: 5 },
    'handled',
    4,
  ),
  ...chatEvents(
    { time: '09:10', wait: 90_000, staff: staffTwo, first: 15_000, handle: 5 * minute, rating: 3 },
    'handled',
    2,
  ),
  event('transcript-requested', at('09:30'), { staffId: staffTwo }),
  ...chatEvents({ time: '10:00', wait: 120_000, staff: staffOne, first: 10_000, handle: 15 * minute }, 'handled'),
  ...chatEvents({ time: '10:30', wait: minute }, 'abandoned'),
  ...chatEvents({ time: '11:00', wait: 30 * minute }, 'missed'),
  ...chatEvents(
    { time: '14:00', wait: 10_000, staff: staffTwo, first: 2_000, handle: 20 * minute, rating: 4 },
    'handled',
  ),
  ...[0, 1].flatMap(() => [
    event('form-submitted', at('12:00'), { channel: 'form', topicId: 'Report a fault' }),
    event('case-opened', at('12:00'), { channel: 'form', topicId: 'Report a fault' }),
  ]),
  event('case-opened', at('13:00'), { channel: 'email', topicId: 'Email' }),
  event('email-received', at('13:00'), { channel: 'email', topicId: 'Email' }),
  event('email-answered', at('13:30'), { channel: 'email', topicId: 'Email', staffId: staffOne }),
  event('case-closed', at('13:30'), { channel: 'email', topicId: 'Email', staffId: staffOne }),
];

/** The day's figures as worked out by hand from the table in report-fixture.ts. */
export const expectedDay = {
  offered: 6,
  answered: 4,
  abandoned: 1,
  missed: 1,
  waitMs: { p50: 30_000, p90: 120_000, max: 120_000 },
  firstResponseMs: { p50: 5_000, p90: 15_000, max: 15_000 },
  handleMs: { p50: 10 * minute, p90: 20 * minute, max: 20 * minute, average: 12.5 * minute, total: 50 * minute },
  transfers: 0,
  messages: 6,
  transcriptRequests: 1,
  survey: { responses: 3, responseRatePermille: 750, averageRatingHundredths: 400, distribution: [0, 0, 1, 1, 1] },
  formsSubmitted: 2,
  emailsReceived: 1,
  emailsAnswered: 1,
  casesOpened: { chat: 6, email: 1, form: 2 },
  casesClosed: { chat: 4, email: 1 },
};
