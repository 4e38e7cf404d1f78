/**
 * `npm run bench:idle`: memory and CPU of one Ward node holding many idle residents' connections
 * (issue 15; target: at most 25 KB per idle connection). Starts the real Ward as a child process,
 * starts one chat per connection, opens every resident's socket (WebSocket, as a browser would),
 * then reads the server's resident memory (RSS, /proc) before and after, each after a full garbage
 * collection, and its CPU over a quiet minute. Prints figures; asserts nothing.
 * The sockets are opened from child processes (idle-clients.ts), at most 10,000 each.
 * Settings: BENCH_IDLE_CONNECTIONS (default 19500: each process here may open 20,000 files, and
 * the server needs some for itself), BENCH_IDLE_SECONDS (60), WARD_BENCH_DATABASE_URL.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fork, type ChildProcess } from 'node:child_process';
import { provideDatabase } from './database.ts';
import { startServerProcess } from './server-process.ts';

const connections = Number(process.env.BENCH_IDLE_CONNECTIONS ?? '19500');
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? '60');
if (!Number.isInteger(connections) || connections < 1 || !Number.isInteger(idleSeconds) || idleSeconds < 1) {
  console.error('BENCH_IDLE_CONNECTIONS and BENCH_IDLE_SECONDS must be whole numbers of at least 1');
  process.exit(2);
}

const rssKiB = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
};

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: number, width: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(items);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

/** Sends a client process an order and waits for its answer. */
function ask(child: ChildProcess, order: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once('message', (answer: { kind: string; message?: string }) =>
      answer.kind === 'failed' ? reject(new Error(answer.message)) : resolve(answer),
    );
    child.send(order);
  });
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-bench-idle-'));
const database = await provideDatabase(process.env.WARD_BENCH_DATABASE_URL, dataDir);
const server = await startServerProcess(
  path.join(import.meta.dirname, 'ward-server.ts'),
  { BENCH_DATABASE_URL: database.url, BENCH_DATA_DIR: dataDir, BENCH_AGENTS: '0' },
  120_000,
);
// At most 10,000 sockets per client process (each process may open 20,000 files here).
const clientProcesses = Array.from({ length: Math.ceil(connections / 10_000) }, () =>
  fork(path.join(import.meta.dirname, 'idle-clients.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
);
try {
  const { url, organisation } = server.ready;
  console.log(`Ward idle-connection bench — ${new Date().toISOString()}, Node ${process.version}`);
  console.log(`Database: ${database.description}`);
  console.log(`Starting ${connections} chats…`);
  const started = performance.now();
  const tokens = await inParallel(connections, 32, async (index) => {
    const response = await fetch(`${url}/api/widget/${organisation}/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ name: `Resident ${index}`, topic: 'other', consent: true }),
    });
    if (!response.ok) throw new Error(`starting chat ${index}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { visitorToken: string }).visitorToken;
  });
  console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);

  await sleep(5000);
  // Both readings after a full collection: the garbage of starting chats or of opening sockets is
  // not counted for or against the connections.
  const heapBefore = await server.collectGarbage();
  const before = await rssKiB(server.pid);
  console.log(`Opening ${connections} residents' sockets from ${clientProcesses.length} processes…`);
  await Promise.all(
    clientProcesses.map((child, i) =>
      ask(child, { kind: 'open', url, tokens: tokens.filter((_, index) => index % clientProcesses.length === i) }),
    ),
  );
  await sleep(10_000);
  const heapAfter = await server.collectGarbage();
  const after = await rssKiB(server.pid);
  const cpuBefore = await server.cpuSeconds();
  await sleep(idleSeconds * 1000);
  const cpuAfter = await server.cpuSeconds();
  let connected = 0;
  for (const child of clientProcesses)
    connected += ((await ask(child, { kind: 'count' })) as { connected: number }).connected;
  const perConnection = ((after - before) * 1024) / connections;
  console.log('');
  console.log(`Connected and idle: ${connected} of ${connections}`);
  console.log(`Server RSS: ${(before / 1024).toFixed(0)} MiB before, ${(after / 1024).toFixed(0)} MiB after`);
  console.log(`Memory per idle connection: ${(perConnection / 1024).toFixed(1)} KB (target ≤ 25 KB)`);
  console.log(`  of which JavaScript heap: ${((heapAfter - heapBefore) / connections / 1024).toFixed(1)} KB`);
  console.log(
    `CPU at idle over ${idleSeconds} s: ${(((cpuAfter - cpuBefore) / idleSeconds) * 100).toFixed(1)}% of one core`,
  );
} finally {
  for (const child of clientProcesses) child.kill();
  await server.stop();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}
