/**
 * Contact-centre routing (issue 11, ADR 39): BENCH_ROUTING_AGENTS (500) agents over the six
 * departments, through the real verbs (`startConversation`, `routeDepartment`, the scheduler).
 * `npm run bench:routing`; embedded PostgreSQL unless WARD_BENCH_DATABASE_URL.
 *
 * 1. Arrival to assignment: every agent available (capacity 3), BENCH_ROUTING_ARRIVALS (1,000)
 *    chats started 10 at a time; the time from a chat's row to its assignment, p50 and p99.
 * 2. Decisions per second: BENCH_ROUTING_WAITING (5,000) chats waiting while every agent is busy,
 *    then every agent available with room for all of them, and all six departments routed at once
 *    (as six nodes' passes would be): chats given per second until the queue is empty.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createLogger, createServiceContext } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { startConversation } from '../src/features/conversations/start-conversation.ts';
import { routeDepartment } from '../src/features/routing/route-department.ts';
import { startRouting } from '../src/features/routing/start-routing.ts';
import { provideDatabase } from './database.ts';
import { summarise } from './percentiles.ts';

const agentsCount = Number(process.env.BENCH_ROUTING_AGENTS ?? 500);
const arrivals = Number(process.env.BENCH_ROUTING_ARRIVALS ?? 1000);
const waiting = Number(process.env.BENCH_ROUTING_WAITING ?? 5000);

async function inBatches<T>(count: number, width: number, work: (index: number) => Promise<T>): Promise<void> {
  for (let start = 0; start < count; start += width)
    await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, i) => work(start + i)));
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-bench-routing-'));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const database = await provideDatabase(process.env.WARD_BENCH_DATABASE_URL, dataDir);
  const config = loadConfig({
    WARD_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    WARD_KEK: `k1:${randomBytes(32).toString('base64')}`,
    WARD_INDEX_KEY: randomBytes(32).toString('base64'),
    WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
    WARD_LOG_LEVEL: 'silent',
  });
  const { db } = createDb(database.url, 10);
  try {
    console.log(`Routing: ${agentsCount} agents, ${arrivals} arrivals, then ${waiting} waiting chats`);
    console.log(`Database: ${database.description}`);
    await migrateToLatest(db);
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const { departments, topics } = ctx.organisation.settings;
    // Each agent works in one department that has topics; every sixth in all of them.
    const staffed = departments.filter(({ id }) => topics.some((topic) => topic.department === id));
    const staff = await db
      .insertInto('staff')
      .values(
        Array.from({ length: agentsCount }, (_, i) => ({
          organisation_id: ctx.organisation.id,
          email: `bench.agent${i}@council.example`,
          first_name: `Agent${i}`,
          last_name: 'Bench',
          role: 'agent' as const,
          password_hash: 'x',
          departments: i % 6 === 5 ? [] : [staffed[i % staffed.length]!.id],
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('agent_routing')
      .values(
        staff.map(({ id }) => ({ staff_id: id, organisation_id: ctx.organisation.id, status: 'available' as const })),
      )
      .execute();
    const start = (i: number) =>
      startConversation(ctx, { name: 'Ann Resident', topic: topics[i % topics.length]!.id, consent: true } as never, {
        ip: '192.0.2.1',
        userAgent: undefined,
      });

    // 1. Arrival to assignment, with the scheduler listening as in `ward serve`.
    const scheduler = startRouting(ctx, (error) => console.error(error));
    await inBatches(arrivals, 10, start);
    await scheduler.settled();
    const waits = await db
      .selectFrom('conversations')
      .select(['created_at', 'accepted_at'])
      .where('accepted_at', 'is not', null)
      .execute();
    const latency = summarise(waits.map((row) => row.accepted_at!.getTime() - row.created_at.getTime()));
    console.log(
      `Arrival to assignment: ${latency.count} of ${arrivals} given; p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    );
    scheduler.stop();

    // 2. Decisions per second over a deep queue.
    await db.updateTable('agent_routing').set({ status: 'busy' }).execute();
    await inBatches(waiting, 10, start);
    await sql`UPDATE conversations SET status = 'ended', ended_at = now() WHERE status = 'active'`.execute(db);
    const capacity = Math.ceil(waiting / agentsCount) + 1;
    await db
      .updateTable('agent_routing')
      .set({ status: 'available', capacity: Math.min(capacity, 20) })
      .execute();
    const count = async (status: 'waiting' | 'active') =>
      Number(
        (
          await db
            .selectFrom('conversations')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('status', '=', status)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const queued = await count('waiting');
    const began = performance.now();
    await Promise.all(departments.map(({ id }) => routeDepartment(ctx, id)));
    const seconds = (performance.now() - began) / 1000;
    const given = await count('active');
    console.log(
      `Decisions: ${given} of ${queued} waiting chats given in ${seconds.toFixed(1)} s (${await count('waiting')} left): ${Math.round(given / seconds)} per second`,
    );
  } finally {
    await db.destroy();
    await database.drop();
  }
}

await main();
