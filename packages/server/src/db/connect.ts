import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import {
  claimPostmaster,
  ownedByAnotherWard,
  releasePostmaster,
  runningPostmaster,
  stopPostmaster,
  watchPostmaster,
} from './embedded-postmaster.ts';

export type DatabaseHandle = { connectionString: string; embedded: boolean; stop: () => Promise<void> };

const embeddedUrl = (dataDir: string, port: number) => {
  const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  return `postgres://ward:${encodeURIComponent(password)}@127.0.0.1:${port}/ward`;
};

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder. When another
 * live Ward process (say `ward serve`) runs it, it is reused and left running; a server whose Ward
 * was killed is adopted, and stopped with this one. `onServerLost` (for `ward serve`): the
 * embedded server went away under Ward.
 */
export async function connectDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  onLog: (line: string) => void,
  options: { onServerLost?: () => void } = {},
): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { connectionString: config.databaseUrl, embedded: false, stop: async () => {} };
  const { dataDir } = config;
  const running = runningPostmaster(dataDir);
  if (running && ownedByAnotherWard(dataDir))
    return { connectionString: embeddedUrl(dataDir, running.port), embedded: true, stop: async () => {} };

  let connectionString: string;
  let stopServer: () => Promise<void>;
  if (running) {
    onLog(`adopting the embedded PostgreSQL (pid ${running.pid}) left running by a Ward that was stopped abruptly`);
    connectionString = embeddedUrl(dataDir, running.port);
    stopServer = () => stopPostmaster(running.pid);
  } else {
    const server = await startEmbeddedPostgres(dataDir, onLog);
    connectionString = server.connectionString;
    stopServer = server.stop;
  }
  await claimPostmaster(dataDir);
  const postmaster = runningPostmaster(dataDir);
  const watch =
    options.onServerLost && postmaster ? watchPostmaster(postmaster.pid, options.onServerLost) : { stop: () => {} };
  return {
    connectionString,
    embedded: true,
    stop: async () => {
      watch.stop();
      await stopServer();
      await releasePostmaster(dataDir);
    },
  };
}
