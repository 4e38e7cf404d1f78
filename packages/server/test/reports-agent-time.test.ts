import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ContactEventKind, ReportPeriod } from '@ward/protocol';
import { createDb } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ensureOrganisation } from '../src/features/organisations/ensure-organisation.ts';
import { deleteContactEventsBefore } from '../src/features/contact-events/contact-events.repository.ts';
import { agentTimeline } from '../src/features/reports/agent-time.repository.ts';
import {
  agentTotals,
  agentTotalsOfHolds,
  chatHoldKinds,
  type AgentTotals,
  type ChatHoldEvent,
} from '../src/features/reports/agent-time.rules.ts';
import type { ReportFilter } from '../src/features/reports/reports.repository.ts';
import { periodWindows, reportInstants } from '../src/features/reports/report-periods.rules.ts';
import { defaultOrganisation } from '../src/shared/organisation-settings.ts';
import { createTestDatabase } from './support/test-database.ts';

/**
 * Advisers' time from the chats' holds (migration 0041, ADR 48) against its definition (ADR 44):
 * every hold event of each chat with an event in the range, as reports read them before. Three
 * London days around the clocks going forward (Sunday 29 March 2026), with statuses across midnight
 * and the days' edges, transfers to advisers and to the queue, take-overs, chats open at the end,
 * one held through a whole day with no event in it, events at the same instant and microseconds,
 * all written out of order in several statements; then again after retention deletes the oldest.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: ReturnType<typeof createDb>;
let organisationId: string;

type Row = {
  kind: ContactEventKind;
  channel: string;
  contactId: string;
  staffId: string | null;
  value: number | null;
  at: string;
};

const advisers = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-0000000ad00${i}`);
const first = Date.parse('2026-03-27T18:00:00Z');
const last = Date.parse('2026-03-31T03:00:00Z');
const minute = 60_000;

/** A seeded generator, so a failure can be run again as it was. */
function generator(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An instant with microseconds, as `now()` writes them. */
const instant = (ms: number, micro = 0) =>
  new Date(ms).toISOString().replace('Z', `${String(micro).padStart(3, '0')}Z`);

function mixOfEvents(random: () => number): Row[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const micro = () => Math.floor(random() * 1000);
  const rows: Row[] = [];
  const status = (staffId: string, ms: number, value: number) =>
    rows.push({ kind: 'agent-status', channel: 'chat', contactId: staffId, staffId, value, at: instant(ms, micro()) });
  for (const [n, staffId] of advisers.entries()) {
    for (let t = first - random() * 300 * minute; t < last; t += (5 + random() * 240) * minute)
      status(staffId, t, pick([0, 1, 1, 1, 2, 3]));
    if (n === 0) status(staffId, last, 1); // still online at the end
  }
  // On the days' and hours' edges: London midnight before and after the clocks change, and an hour's start.
  status(advisers[1]!, Date.parse('2026-03-29T00:00:00Z'), 1);
  status(advisers[1]!, Date.parse('2026-03-29T23:00:00Z'), 0);
  status(advisers[2]!, Date.parse('2026-03-30T10:00:00Z'), 2);
  const chat = (events: Array<[ContactEventKind, string | null, number, number?]>, channel = 'chat') => {
    const contactId = randomUUID();
    for (const [kind, staffId, ms, us] of events)
      rows.push({ kind, channel, contactId, staffId, value: null, at: instant(ms, us ?? micro()) });
  };
  for (let i = 0; i < 160; i++) {
    const asked = first + random() * (last - first);
    const wait = random() * 20 * minute;
    const outcome = random();
    const events: Array<[ContactEventKind, string | null, number]> = [
      ['chat-requested', null, asked],
      ['chat-queued', null, asked],
    ];
    if (outcome < 0.1) events.push(['chat-abandoned', null, asked + wait]);
    else if (outcome < 0.15) events.push(['chat-missed', null, asked + wait]);
    else {
      let holder: string | null = pick(advisers);
      let t = asked + wait;
      events.push(['chat-assigned', holder, t]);
      events.push(['chat-message', holder, t + 1000]);
      for (let moves = Math.floor(random() * 3); moves > 0; moves--) {
        t += random() * 90 * minute;
        const move = random();
        if (move < 0.4) events.push(['chat-transferred', (holder = pick(advisers)), t]);
        else if (move < 0.7) {
          events.push(['chat-transferred', null, t]);
          events.push(['chat-assigned', (holder = pick(advisers)), t + random() * 10 * minute]);
        } else events.push(['chat-taken-over', (holder = pick(advisers)), t]);
      }
      if (random() < 0.85) events.push(['chat-ended', holder, t + random() * 200 * minute]);
      else if (random() < 0.5) events.push(['chat-left-message', null, t + random() * 60 * minute]);
    }
    chat(events);
  }
  const [a, b, c] = advisers;
  // Held through the whole of Sunday with no event in it; through the clocks' change; open at the end.
  chat([
    ['chat-assigned', c!, Date.parse('2026-03-28T22:00:00Z')],
    ['chat-ended', c!, Date.parse('2026-03-30T02:00:00Z')],
  ]);
  chat([['chat-assigned', b!, Date.parse('2026-03-29T00:30:00Z')]]);
  // One ends and the next starts at the same instant; one is over the moment it starts; on a day's edge.
  const edge = Date.parse('2026-03-29T23:00:00Z');
  chat([
    ['chat-assigned', a!, edge - 40 * minute, 500],
    ['chat-ended', a!, edge, 0],
  ]);
  chat([
    ['chat-assigned', a!, edge, 0],
    ['chat-transferred', b!, edge + 30 * minute, 250],
    ['chat-ended', b!, edge + 90 * minute, 999],
  ]);
  chat([
    ['chat-assigned', c!, edge + 5 * minute, 1],
    ['chat-ended', c!, edge + 5 * minute, 1],
  ]);
  // Another channel's message left, and its case's events, are not a chat's.
  chat(
    [
      ['chat-assigned', a!, edge + minute],
      ['chat-left-message', null, edge + 2 * minute],
    ],
    'form',
  );
  // Out of order, as late writers and imports would write them.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

async function write(rows: readonly Row[]): Promise<void> {
  for (let from = 0; from < rows.length; from += 50) {
    const part = rows.slice(from, from + 50);
    await sql`
      INSERT INTO contact_events (organisation_id, kind, channel, contact_id, staff_id, value, occurred_at)
      SELECT ${organisationId}, kind, channel, contact_id, staff_id, value, occurred_at
      FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.channel)}::text[],
        ${part.map((r) => r.contactId)}::uuid[], ${part.map((r) => r.staffId)}::uuid[],
        ${part.map((r) => r.value)}::bigint[], ${part.map((r) => r.at)}::timestamptz[])
        AS e(kind, channel, contact_id, staff_id, value, occurred_at)`.execute(client.db);
  }
}

/** The definition: every hold event, up to the range's end, of each chat with one in the range. */
async function fromEvents(filter: ReportFilter, windows: Array<[Date, Date]>, now: Date) {
  const { statuses } = await agentTimeline(client.db, filter);
  const kinds = sql.join(chatHoldKinds.map((kind) => sql`${kind}`));
  const chats = await sql<{ contact_id: string; kind: ContactEventKind; staff_id: string | null; occurred_at: Date }>`
    SELECT e.contact_id, e.kind, e.staff_id, e.occurred_at FROM contact_events e
    WHERE e.organisation_id = ${filter.organisationId} AND e.channel = 'chat' AND e.kind IN (${kinds})
      AND e.occurred_at < ${filter.end}
      AND e.contact_id IN (
        SELECT r.contact_id FROM contact_events r
        WHERE r.organisation_id = ${filter.organisationId} AND r.channel = 'chat' AND r.kind IN (${kinds})
          AND r.occurred_at >= ${filter.start} AND r.occurred_at < ${filter.end})
    ORDER BY e.contact_id, e.occurred_at, e.id`.execute(client.db);
  const events: ChatHoldEvent[] = chats.rows.map((r) => ({
    contactId: r.contact_id,
    kind: r.kind,
    staffId: r.staff_id,
    at: new Date(r.occurred_at),
  }));
  return agentTotals(statuses, events, windows, now);
}

async function fromHolds(filter: ReportFilter, windows: Array<[Date, Date]>, now: Date) {
  const { statuses, holds } = await agentTimeline(client.db, filter);
  return agentTotalsOfHolds(statuses, holds, windows, now);
}

/** Advisers with any time, in a stable order, for comparing. */
const sorted = (totals: Map<string, AgentTotals[]>, only?: string) =>
  [...totals]
    .filter(([staffId, windows]) => (!only || staffId === only) && windows.some((w) => w.availableMs || w.heldMs))
    .sort(([x], [y]) => x.localeCompare(y));

const ranges: Array<[string, string, ReportPeriod]> = [
  ['2026-03-28', '2026-03-28', 'hour'],
  ['2026-03-29', '2026-03-29', 'hour'],
  ['2026-03-30', '2026-03-30', 'hour'],
  ['2026-03-28', '2026-03-30', 'day'],
  ['2026-03-27', '2026-03-31', 'hour'],
];

async function expectAgreement(now: Date): Promise<number> {
  let compared = 0;
  for (const [from, to, period] of ranges) {
    const { start, end } = reportInstants(from, to);
    for (const staffId of [null, advisers[0]!, advisers[2]!]) {
      const filter: ReportFilter = {
        organisationId,
        start,
        end,
        departments: null,
        topic: null,
        staffId,
        channel: null,
      };
      for (const windows of [[[start, end]] as Array<[Date, Date]>, periodWindows(from, to, period)]) {
        const expected = sorted(await fromEvents(filter, windows, now), staffId ?? undefined);
        expect(sorted(await fromHolds(filter, windows, now), staffId ?? undefined)).toEqual(expected);
        compared += expected.length;
      }
    }
  }
  return compared;
}

beforeAll(async () => {
  database = await createTestDatabase();
  client = createDb(database.url, 2);
  await migrateToLatest(client.db);
  organisationId = (await ensureOrganisation(client.db, defaultOrganisation)).id;
  await write(mixOfEvents(generator(20260329)));
});
afterAll(async () => {
  await client?.db.destroy();
  await database?.drop();
});

describe('advisers’ time from the chats’ holds', () => {
  it('is the same as from every chat’s events, for whole days, hours and one adviser, to any now', async () => {
    const held = await sql<{ n: number }>`SELECT count(*)::int AS n FROM chat_holds`.execute(client.db);
    expect(held.rows[0]?.n).toBeGreaterThan(150);
    expect(await expectAgreement(new Date('2027-01-01T00:00:00Z'))).toBeGreaterThan(50);
    // Now in the middle of the last day: an adviser still online, chats still held, count up to now.
    expect(await expectAgreement(new Date('2026-03-30T13:17:00Z'))).toBeGreaterThan(50);
  });

  it('leaves out a chat held through a whole range with no event in it, as its events did', async () => {
    const sunday = reportInstants('2026-03-29', '2026-03-29');
    const filter: ReportFilter = {
      organisationId,
      ...sunday,
      departments: null,
      topic: null,
      staffId: null,
      channel: null,
    };
    const { holds } = await agentTimeline(client.db, filter);
    const acrossSunday = holds.filter(
      (h) => h.from < sunday.start.getTime() && (h.until ?? Infinity) >= sunday.end.getTime(),
    );
    expect(acrossSunday).toEqual([]);
    const { holds: fromSaturday } = await agentTimeline(client.db, {
      ...filter,
      ...reportInstants('2026-03-28', '2026-03-29'),
    });
    expect(fromSaturday).toContainEqual({
      staffId: advisers[2],
      from: Date.parse('2026-03-28T22:00:00Z'),
      until: Date.parse('2026-03-30T02:00:00Z'),
    });
  });

  it('follows the events that retention deletes', async () => {
    let deleted = 0;
    for (let taken = 1; taken > 0; deleted += taken)
      taken = await deleteContactEventsBefore(client.db, organisationId, new Date('2026-03-29T06:00:00Z'), 40);
    expect(deleted).toBeGreaterThan(50);
    const early = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM chat_holds WHERE held_from < '2026-03-29T06:00:00Z'`.execute(client.db);
    expect(early.rows[0]?.n).toBe(0);
    expect(await expectAgreement(new Date('2027-01-01T00:00:00Z'))).toBeGreaterThan(50);
  });
});
