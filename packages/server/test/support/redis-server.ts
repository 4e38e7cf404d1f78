import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/shared/free-port.ts';

/** Debian's `redis-server` (`npm run setup:test` installs it); `WARD_REDIS_SERVER` points elsewhere. */
export const redisServerBinary = process.env.WARD_REDIS_SERVER ?? '/usr/bin/redis-server';

export type RedisTestServer = { url: string; stop: () => Promise<void> };

/**
 * A private, real Redis for one test file: a free port of 127.0.0.1, its own working folder, nothing
 * saved to disk, run in the foreground as a child process. `WARD_TEST_REDIS_URL` uses that Redis
 * instead, and then nothing is started.
 */
export async function startRedisServer(options: { port?: number } = {}): Promise<RedisTestServer> {
  const configured = process.env.WARD_TEST_REDIS_URL;
  if (configured) return { url: configured, stop: async () => {} };
  if (!existsSync(redisServerBinary))
    throw new Error(
      `Redis is not installed at ${redisServerBinary}: npm run setup:test, or apt-get install redis-server ` +
        '(or set WARD_REDIS_SERVER, or WARD_TEST_REDIS_URL to use a running Redis)',
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-redis-'));
  const host = '127.0.0.1';
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--dir', dir];
  // setpriv (util-linux) has Linux stop Redis when the test process ends without stop() (see imap-server.ts).
  const setpriv = '/usr/bin/setpriv';
  const command = existsSync(setpriv) ? [setpriv, '--pdeathsig', 'TERM', redisServerBinary] : [redisServerBinary];
  const child = spawn(command[0]!, [...command.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  // And the folder, when the process exits normally without stop().
  const onExit = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 20_000;
  while (!(await answersPing(host, port))) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(
        `redis-server did not answer on ${host}:${port}${gone ? ' (it exited)' : ' in time'}:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://${host}:${port}`, stop };
}

/** Whether a Redis answers PING on this port (inline command, so no client library is needed). */
function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host, () => socket.write('PING\r\n'));
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}
