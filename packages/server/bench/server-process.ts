import { fork, type ChildProcess } from 'node:child_process';
import type { ChildMessage, CollectedMessage, ParentMessage, PurgedMessage, ReadyMessage } from './ipc.ts';

export type ServerProcess = {
  ready: ReadyMessage;
  /** The server's process id (its memory is read from /proc). */
  pid: number;
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds: () => Promise<number>;
  /** Runs a full garbage collection in the server; returns the V8 heap still in use, in bytes. */
  collectGarbage: () => Promise<number>;
  /** Asks the server to close, then kills it if it has not exited in time. Safe to call twice. */
  stop: () => Promise<void>;
  /** Ward only: runs retention in the server process (see ward-server.ts) and waits for its outcome. */
  purge: (endedAt: Date, jobId: string, timeoutMs: number) => Promise<PurgedMessage>;
};

const live = new Set<ChildProcess>();
// Last resort if the bench itself exits early: `kill` is synchronous, so it works in 'exit'.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** On Ctrl-C: ends every server under test now, before its database goes away under it. */
export function terminateServers(): void {
  for (const child of live) child.kill('SIGTERM');
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `entry` (a .ts file) as a separate Node process and waits for its ready message. */
export async function startServerProcess(
  entry: string,
  env: Record<string, string>,
  readyTimeoutMs: number,
): Promise<ServerProcess> {
  const child = fork(entry, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // So that memory can be read after a full collection, not with whatever garbage happens to be there.
    execArgv: [...process.execArgv, '--expose-gc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  // A message to a child that has just died fails with EPIPE: its exit is handled elsewhere.
  child.on('error', () => {});
  const tell = (message: ParentMessage) => {
    if (child.connected) child.send(message, () => {});
  };

  const stop = async () => {
    tell({ type: 'stop' });
    if (await exited(child, 10_000)) return;
    child.kill('SIGKILL');
    await exited(child, 5000);
  };

  let ready: ReadyMessage;
  try {
    ready = await new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${entry} was not ready within ${readyTimeoutMs / 1000} s`)),
        readyTimeoutMs,
      );
      child.on('message', (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${entry} exited before it was ready (${signal ?? `code ${code}`})`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const reply = <T extends ChildMessage>(type: T['type'], timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`the server did not report ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message as T);
      };
      child.on('message', onMessage);
    });

  return {
    ready,
    pid: child.pid ?? 0,
    stop,
    purge: async (endedAt, jobId, timeoutMs) => {
      const outcome = reply<PurgedMessage>('purged', timeoutMs, 'the end of the retention run');
      tell({ type: 'purge', endedAt: endedAt.toISOString(), jobId });
      const purged = await outcome;
      if (purged.error) throw new Error(`the retention run failed: ${purged.error}`);
      return purged;
    },
    collectGarbage: async () => {
      const collected = reply<CollectedMessage>('collected', 30_000, 'a garbage collection');
      tell({ type: 'collect' });
      return (await collected).heapUsed;
    },
    cpuSeconds: () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error('the server did not report its CPU time'));
        }, 5000);
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'cpu') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve((message.user + message.system) / 1e6);
        };
        child.on('message', onMessage);
        tell({ type: 'cpu' });
      }),
  };
}
