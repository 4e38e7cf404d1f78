import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const machineServer = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Where every test's Ward writes its log; `check-test-logs.ts` searches it after the run. */
export const testLogDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.ward-test-logs');

type Shared = { serverUrl: Promise<string>; users: number; stop: () => Promise<void> };
// The integration and e2e projects both list this file, and Vitest calls it once per project in the same
// process: the first call prepares the run, later ones reuse it, and the last teardown stops it.
const sharedKey = Symbol.for('ward.test.global-setup');
const registry = globalThis as { [sharedKey]?: Shared };

export default async function setup(project: TestProject) {
  const shared = (registry[sharedKey] ??= prepareRun());
  shared.users += 1;
  project.provide('logDir', testLogDir);
  project.provide('testServerUrl', await shared.serverUrl);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[sharedKey];
    await shared.stop();
  };
}

function prepareRun(): Shared {
  let stop = async () => {};
  const serverUrl = (async () => {
    await rm(testLogDir, { recursive: true, force: true });
    await mkdir(testLogDir, { recursive: true });
    const database = await provideDatabase();
    stop = database.stop;
    return database.url;
  })();
  return { serverUrl, users: 0, stop: () => stop() };
}

/**
 * Tests create their databases on the machine's PostgreSQL (WARD_TEST_DATABASE_URL, or the
 * local default). Where there is none, one embedded server is started for the whole run, so
 * `npm test` needs no database set up by hand.
 */
async function provideDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = process.env.WARD_TEST_DATABASE_URL;
  if (configured || (await reachable(machineServer))) return { url: configured ?? machineServer, stop: async () => {} };
  // Imported only here, once per run: loading it unhooks process-wide exit hooks, which throws the
  // second time, and Vitest loads this file once for each project that lists it.
  const { startEmbeddedPostgres } = await import('../../src/db/embedded-postgres.ts');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-test-pg-'));
  const server = await startEmbeddedPostgres(dataDir);
  const url = new URL(server.connectionString);
  url.pathname = '/postgres';
  return {
    url: url.toString(),
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    logDir: string;
  }
}
