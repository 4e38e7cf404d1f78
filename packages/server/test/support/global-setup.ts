import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';

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

/**
 * Tests create their databases on the machine's PostgreSQL (WARD_TEST_DATABASE_URL, or the
 * local default). Where there is none, one embedded server is started for the whole run, so
 * `npm test` needs no database set up by hand.
 */
/** Where every test's Ward writes its log; `check-test-logs.ts` searches it after the run. */
export const testLogDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.ward-test-logs');

export default async function setup(project: TestProject) {
  await rm(testLogDir, { recursive: true, force: true });
  await mkdir(testLogDir, { recursive: true });
  project.provide('logDir', testLogDir);
  return provideDatabase(project);
}

async function provideDatabase(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.WARD_TEST_DATABASE_URL;
  if (configured || (await reachable(machineServer))) {
    project.provide('testServerUrl', configured ?? machineServer);
    return async () => {};
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-test-pg-'));
  const server = await startEmbeddedPostgres(dataDir);
  const url = new URL(server.connectionString);
  url.pathname = '/postgres';
  project.provide('testServerUrl', url.toString());
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    logDir: string;
  }
}
