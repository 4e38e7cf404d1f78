import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { closePair, openPair, type Pair } from './clients.ts';
import { mapLimited } from './concurrency.ts';
import { provideDatabase, type BenchDatabase } from './database.ts';
import type { BenchOptions } from './options.ts';
import { benchFile, measure, type ScenarioResult } from './scenario.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { firstTopic, signUpAgent, startChat } from './ward-setup.ts';

/** A running Ward with its pairs connected, for a scenario to drive. */
export type WardSession = {
  server: ServerProcess;
  database: BenchDatabase;
  pairs: Pair[];
  url: string;
  organisation: string;
  topic: string;
};

/**
 * Starts the real Ward (ward-server.ts, a child process) against a fresh database: N agents sign
 * up through invitations, N residents start chats, each agent accepts one. Then runs `body` and
 * cleans everything up (pairs, server, database, temp folder), also when `body` fails.
 */
export async function withWard<T>(options: BenchOptions, body: (session: WardSession) => Promise<T>): Promise<T> {
  const n = options.pairs;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-bench-'));
  const removeDataDir = () => {
    try {
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    } catch (error) {
      console.error(`Could not remove ${dataDir}: ${String(error)}`);
    }
  };
  process.on('exit', removeDataDir); // also when the bench is interrupted
  let database: BenchDatabase | undefined;
  let server: ServerProcess | undefined;
  let pairs: Pair[] = [];
  try {
    database = await provideDatabase(options.databaseUrl, dataDir);
    server = await startServerProcess(
      benchFile('ward-server.ts'),
      { BENCH_DATABASE_URL: database.url, BENCH_DATA_DIR: dataDir, BENCH_AGENTS: String(n) },
      120_000,
    );
    const { url, organisation = 'demo', invitations = [] } = server.ready;
    const cookies = await mapLimited(n, 4, (i) => signUpAgent(url, invitations[i] ?? '', i));
    const topic = await firstTopic(url, organisation);
    const chats = await mapLimited(n, 10, (i) => startChat(url, organisation, topic, i));
    pairs = await mapLimited(
      n,
      10,
      (i) => {
        const chat = chats[i]!;
        return openPair(url, {
          conversationId: chat.conversationId,
          visitorToken: chat.visitorToken,
          agentCookie: cookies[i],
        });
      },
      closePair,
    );
    return await body({ server, database, pairs, url, organisation, topic });
  } finally {
    for (const pair of pairs) closePair(pair);
    await server?.stop();
    await database
      ?.drop()
      .catch((error: unknown) => console.error(`Could not drop the bench database: ${String(error)}`));
    removeDataDir();
    process.off('exit', removeDataDir);
  }
}

/** The Ward scenario: the pairs talk for warm-up + duration. */
export function benchWard(options: BenchOptions): Promise<ScenarioResult> {
  return withWard(options, ({ server, pairs, database }) =>
    measure('Ward', server, pairs, options, [database.description]),
  );
}
