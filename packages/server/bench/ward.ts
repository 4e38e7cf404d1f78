import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { closePair, openPair } from './clients.ts';
import { mapLimited } from './concurrency.ts';
import { provideDatabase, type BenchDatabase } from './database.ts';
import type { BenchOptions } from './options.ts';
import { benchFile, measure, type ScenarioResult } from './scenario.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { firstTopic, signUpAgent, startChat } from './ward-setup.ts';

/**
 * The real Ward (ward-server.ts, a child process) against a fresh database: N agents sign up
 * through invitations, N residents start chats, each agent accepts one, then the pairs talk.
 */
export async function benchWard(options: BenchOptions): Promise<ScenarioResult> {
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
    const pairs = await mapLimited(
      n,
      10,
      (i) => {
        const chat = chats[i]!;
        return openPair(url, { conversationId: chat.conversationId, visitorToken: chat.visitorToken, agentCookie: cookies[i] });
      },
      closePair,
    );
    return await measure('Ward', server, pairs, options, [database.description]);
  } finally {
    await server?.stop();
    await database?.drop().catch((error: unknown) => console.error(`Could not drop the bench database: ${String(error)}`));
    removeDataDir();
    process.off('exit', removeDataDir);
  }
}
