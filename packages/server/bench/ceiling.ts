import { randomUUID } from 'node:crypto';
import { closePair, openPair } from './clients.ts';
import { mapLimited } from './concurrency.ts';
import type { BenchOptions } from './options.ts';
import { benchFile, measure, type ScenarioResult } from './scenario.ts';
import { startServerProcess } from './server-process.ts';

/** The bare Socket.IO echo server (echo-server.ts) under the same load as Ward. */
export async function benchCeiling(options: BenchOptions): Promise<ScenarioResult> {
  const server = await startServerProcess(benchFile('echo-server.ts'), {}, 30_000);
  try {
    const pairs = await mapLimited(
      options.pairs,
      10,
      () => {
        const room = randomUUID();
        return openPair(server.ready.url, { conversationId: room, visitorToken: room });
      },
      closePair,
    );
    return await measure('ceiling', server, pairs, options, ['bare Socket.IO 4 relay, no database']);
  } finally {
    await server.stop();
  }
}
