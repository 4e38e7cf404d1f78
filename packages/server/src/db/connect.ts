import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export type DatabaseHandle = { connectionString: string; embedded: boolean; stop: () => Promise<void> };

function runningEmbeddedServer(dataDir: string): string | null {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const passwordFile = path.join(dataDir, 'postgres-password');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pidLine), 0);
  } catch {
    return null; // stale pid file: the server is not running
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  return `postgres://ward:${encodeURIComponent(password)}@127.0.0.1:${Number(portLine)}/ward`;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder, reusing it
 * when another Ward process (say `ward serve`) already runs it.
 */
export async function connectDatabase(config: Config, onLog: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { connectionString: config.databaseUrl, embedded: false, stop: async () => {} };
  const running = runningEmbeddedServer(config.dataDir);
  if (running) return { connectionString: running, embedded: true, stop: async () => {} };
  const server = await startEmbeddedPostgres(config.dataDir, onLog);
  return { connectionString: server.connectionString, embedded: true, stop: server.stop };
}
