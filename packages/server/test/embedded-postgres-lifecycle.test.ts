import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/connect.ts';
import { isAlive, runningPostmaster } from '../src/db/embedded-postmaster.ts';

const connectModule = path.resolve(import.meta.dirname, '../src/db/connect.ts');

async function query(connectionString: string, text: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** A Ward-like process that starts the embedded PostgreSQL of `dataDir` and says so; killed by the test. */
function startOwner(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { connectDatabase } = await import(${JSON.stringify(connectModule)});
       await connectDatabase({ databaseUrl: null, dataDir: ${JSON.stringify(dataDir)} }, () => {});
       console.log('ready');
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the owner exited first (${code})`)));
  });
  return { child, ready };
}

describe('the embedded PostgreSQL never outlives its Ward, and Ward notices when it dies', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-embedded-'));
  });
  afterAll(async () => {
    const left = runningPostmaster(dataDir);
    if (left) process.kill(left.pid, 'SIGQUIT');
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'adopts the server a killed Ward left running, and stops it cleanly with itself',
    { timeout: 120_000 },
    async () => {
      const owner = startOwner(dataDir);
      await owner.ready;
      const orphan = runningPostmaster(dataDir);
      expect(orphan).not.toBeNull();
      owner.child.kill('SIGKILL');
      await new Promise((resolve) => owner.child.once('exit', resolve));
      // Ward is gone; its PostgreSQL is not.
      expect(isAlive(orphan!.pid)).toBe(true);

      const database = await connectDatabase({ databaseUrl: null, dataDir }, () => {});
      expect(await query(database.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await database.stop();
      expect(isAlive(orphan!.pid)).toBe(false);
      expect(runningPostmaster(dataDir)).toBeNull();
    },
  );

  it('leaves a server another live Ward runs alone', { timeout: 120_000 }, async () => {
    const owner = startOwner(dataDir);
    await owner.ready;
    const server = runningPostmaster(dataDir)!;
    const command = await connectDatabase({ databaseUrl: null, dataDir }, () => {});
    await command.stop();
    expect(isAlive(server.pid)).toBe(true);
    owner.child.kill('SIGKILL');
    await new Promise((resolve) => owner.child.once('exit', resolve));
  });

  it('tells Ward within seconds when its server is shut down under it', { timeout: 120_000 }, async () => {
    let lost = 0;
    const database = await connectDatabase({ databaseUrl: null, dataDir }, () => {}, {
      onServerLost: () => lost++,
    });
    const server = runningPostmaster(dataDir)!;
    expect(await query(database.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // An IT team's immediate shutdown of the postmaster.
    process.kill(server.pid, 'SIGQUIT');
    const deadline = Date.now() + 10_000;
    while (lost === 0 && Date.now() < deadline) await sleep(100);
    expect(lost).toBe(1);
    await database.stop();

    // The next start recovers the database and serves again.
    const again = await connectDatabase({ databaseUrl: null, dataDir }, () => {});
    expect(await query(again.connectionString, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await again.stop();
  });
});
