/**
 * The real Ward (`buildApp`) as the server under test, run as a child process by the bench.
 * Environment: BENCH_DATABASE_URL (a database Ward may migrate), BENCH_DATA_DIR (a temp
 * folder), BENCH_AGENTS (how many invitation tokens to create for the bench to accept).
 */
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createInvitation } from '../src/features/staff/staff.service.ts';
import { freePort } from '../src/shared/free-port.ts';
import { serveParent } from './ipc.ts';

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
});
const app = await buildApp(config, databaseUrl);
const url = await app.listen();

const invitations: string[] = [];
for (let i = 0; i < agents; i++) {
  const invitation = await createInvitation(app.ctx, { email: `agent${i + 1}@bench.invalid`, role: 'agent', createdBy: null });
  invitations.push(invitation.token);
}

serveParent({ type: 'ready', url, organisation: config.organisation.slug, invitations }, () => app.close());
