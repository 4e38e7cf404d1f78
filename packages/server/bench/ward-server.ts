/**
 * The real Ward (`buildApp`) as the server under test, run as a child process by the bench.
 * Environment: BENCH_DATABASE_URL (a database Ward may migrate), BENCH_DATA_DIR (a temp
 * folder), BENCH_AGENTS (how many invitation tokens to create for the bench to accept).
 */
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createInvitation } from '../src/features/staff/invitations.ts';
import { freePort } from '../src/shared/free-port.ts';
import { categoryExpiresAt } from '../src/features/retention/retention.rules.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';
import { serveParent, type PurgedMessage, type PurgeRequest } from './ipc.ts';

const databaseUrl = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
const agents = Number(process.env.BENCH_AGENTS ?? '0');
if (!databaseUrl || !dataDir || !Number.isInteger(agents) || agents < 0) {
  throw new Error('ward-server.ts needs BENCH_DATABASE_URL, BENCH_DATA_DIR and BENCH_AGENTS');
}

const config = loadConfig({
  HOST: '127.0.0.1',
  PORT: String(await freePort()),
  WARD_DATA_DIR: dataDir,
  WARD_LOG_LEVEL: 'error',
  WARD_DEMO_PAGE: 'false',
  // Thousands of chats from one address and messages as fast as possible: the limits would refuse them.
  WARD_RATE_LIMITS: 'off',
});
const app = await buildApp(config, databaseUrl);
const url = await app.listen();

const invitations: string[] = [];
for (let i = 0; i < agents; i++) {
  const invitation = await createInvitation(app.ctx, {
    email: `agent${i + 1}@bench.invalid`,
    role: 'agent',
    createdBy: null,
  });
  invitations.push(invitation.token);
}

/**
 * The real retention run, in this process beside live chat (as the hourly job runs), with its clock
 * an hour past the transcript expiry of contacts that ended at `endedAt`: what the bench backdated
 * is due, the live chats (which started just now) are not.
 */
async function purge(request: PurgeRequest): Promise<PurgedMessage> {
  const clock = new Date(
    categoryExpiresAt(
      'chat-transcripts',
      new Date(request.endedAt),
      app.ctx.organisation.settings.retention,
    ).getTime() + 3_600_000,
  );
  const started = performance.now();
  const run = await runRetention(app.ctx, { now: clock, jobId: request.jobId });
  const seconds = (performance.now() - started) / 1000;
  const deleted =
    run.organisations.flatMap((o) => o.outcomes).find((o) => o.category === 'chat-transcripts')?.count ?? 0;
  return { type: 'purged', deleted, seconds, clock: clock.toISOString() };
}

serveParent({ type: 'ready', url, organisation: config.organisation.slug, invitations }, () => app.close(), purge);
