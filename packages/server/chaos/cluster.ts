import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { runningPostmaster } from '../src/db/embedded-postmaster.ts';
import { freePort } from '../src/shared/free-port.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

/**
 * What an IT team runs, on loopback: N Ward nodes (`ward serve`, separate processes) sharing one
 * PostgreSQL (embedded, reached through a TCP proxy that can break the link) and one Redis, behind
 * nginx with the repository's own configuration (deploy/nginx/ward.conf). Every part can be killed,
 * stopped, frozen and started again.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const wardCli = path.resolve(here, '../src/cli/ward.ts');
export const nginxConfigFile = path.resolve(here, '../../../deploy/nginx/ward.conf');
const nginxBinary = process.env.WARD_NGINX ?? '/usr/sbin/nginx';
const redisBinary = process.env.WARD_REDIS_SERVER ?? '/usr/bin/redis-server';
const setpriv = '/usr/bin/setpriv';

export type WardNode = { index: number; port: number; child: ChildProcess | null; starts: number };

export type Cluster = {
  url: string;
  databaseUrl: string;
  nodes: WardNode[];
  proxy: TcpProxy;
  /** The first administrator's one-time invitation link. */
  adminLink: string;
  killNode: (index: number) => void;
  startNode: (index: number) => Promise<void>;
  stopRedis: () => Promise<void>;
  startRedis: () => Promise<void>;
  freezeRedis: () => void;
  thawRedis: () => void;
  /** PostgreSQL's immediate shutdown (SIGQUIT to the postmaster), then a start: crash recovery. */
  restartPostgres: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A child that Linux stops when the run ends without stopping it (setpriv --pdeathsig). nginx gets
 * TERM, not KILL: a killed master would leave its worker behind.
 */
function spawnTied(command: string, args: string[], env?: NodeJS.ProcessEnv, deathSignal = 'KILL'): ChildProcess {
  const tied = existsSync(setpriv);
  return spawn(tied ? setpriv : command, tied ? ['--pdeathsig', deathSignal, command, ...args] : args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start in time:\n${output.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.split('\n').find((line) => pattern.test(line));
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onError);
        resolve(match);
      }
    };
    const onError = (chunk: Buffer) => (output += chunk.toString());
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onError);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${signal ?? code}) before it started:\n${output.slice(-2000)}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** The repository's nginx configuration with this run's addresses in place of the examples. */
export async function nginxConfigFor(nodePorts: number[], listenPort: number, prefix: string): Promise<string> {
  const file = await readFile(nginxConfigFile, 'utf8');
  // Each node gets the example servers' parameters (max_fails and the like), as a council's would.
  const parameters = /^\s*server 10\.0\.0\.\d+:3000(.*);$/m.exec(file)?.[1] ?? '';
  const site = file
    .replace(/^\s*server 10\.0\.0\.\d+:3000(.*);$/gm, '')
    .replace(/(upstream ward \{)/, `$1\n${nodePorts.map((p) => `  server 127.0.0.1:${p}${parameters};`).join('\n')}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`);
  return [
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    'worker_processes 1;',
    'events { worker_connections 8192; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t};`),
    site,
    '}',
  ].join('\n');
}

export async function startCluster(options: { nodes: number; log?: (line: string) => void }): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const root = await mkdtemp(path.join(os.tmpdir(), 'ward-chaos-'));
  // As root, PostgreSQL runs as the postgres user, who must be able to pass through this folder.
  await chmod(root, 0o711);
  // Every node holds the same keys, as the README's "Keys" section asks of several nodes.
  const keys = {
    WARD_KEK: `chaos-kek:${randomBytes(32).toString('base64')}`,
    WARD_INDEX_KEY: randomBytes(32).toString('base64'),
    WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
  };

  const pgDir = path.join(root, 'postgres');
  let pg = await startEmbeddedPostgres(pgDir);
  const pgPort = () => Number(new URL(pg.connectionString).port);
  const proxy = await startTcpProxy(pgPort());
  const databaseUrl = pg.connectionString.replace(/:(\d+)\/ward$/, `:${proxy.port}/ward`);

  const redisPort = await freePort();
  const redisDir = path.join(root, 'redis');
  await mkdir(redisDir);
  let redis: ChildProcess | null = null;
  const startRedis = async () => {
    redis = spawnTied(redisBinary, [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      redisDir,
    ]);
    await waitForLine(redis, /Ready to accept connections/, 'Redis');
    redis.stdout?.resume();
  };
  await startRedis();

  const lbPort = await freePort();
  const url = `http://127.0.0.1:${lbPort}`;
  const nodes: WardNode[] = [];
  for (let index = 0; index < options.nodes; index++)
    nodes.push({ index, port: await freePort(), child: null, starts: 0 });
  let adminLink = '';
  const startNode = async (index: number) => {
    const node = nodes[index]!;
    const dataDir = path.join(root, `node-${index}`);
    const child = spawnTied(process.execPath, [wardCli, 'serve'], {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(node.port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      ...keys,
      WARD_DATA_DIR: dataDir,
      WARD_PUBLIC_URL: url,
      WARD_TRUST_PROXY: 'true',
      WARD_RATE_LIMITS: 'off',
      WARD_MFA_REQUIRED: 'none',
      WARD_LOG_LEVEL: 'info',
    });
    node.child = child;
    node.starts++;
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const link = /one-time link\): (\S+?)"/.exec(text);
      if (link?.[1]) adminLink = link[1];
      for (const entry of text.split('\n'))
        if (/"level":(50|60)/.test(entry)) log(`node ${index + 1}: ${entry.slice(0, 1000)}`);
    });
    let lastError = '';
    child.stderr?.on('data', (chunk: Buffer) => (lastError = (lastError + chunk.toString()).slice(-1000)));
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM' && code !== 0)
        log(`node ${index + 1} exited by itself (${signal ?? code}): ${lastError}`);
    });
    await waitForLine(child, /OpenAPI document:/, `Ward node ${index + 1}`);
  };
  // The first node migrates and prints the administrator's link; the others start beside it.
  await startNode(0);
  await Promise.all(nodes.slice(1).map((n) => startNode(n.index)));
  for (let waited = 0; !adminLink && waited < 100; waited++) await sleep(100);
  if (!adminLink) throw new Error('no Ward node printed the first administrator’s link');

  const nginxDir = path.join(root, 'nginx');
  await mkdir(nginxDir);
  await writeFile(
    path.join(nginxDir, 'nginx.conf'),
    await nginxConfigFor(
      nodes.map((n) => n.port),
      lbPort,
      nginxDir,
    ),
  );
  const nginx = spawnTied(
    nginxBinary,
    ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'],
    undefined,
    'TERM',
  );
  nginx.stdout?.resume();
  nginx.stderr?.resume();
  await waitForHttp(`${url}/healthz`);

  // Ctrl-C (or a supervisor's SIGTERM) stops everything it started, as the end of a run does.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the cluster`);
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const stop = async () => {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    nginx.kill('SIGTERM');
    await Promise.all(
      nodes.map(async (n) => {
        if (!n.child) return;
        n.child.kill('SIGTERM');
        await exited(n.child);
      }),
    );
    await exited(nginx);
    redis?.kill('SIGCONT');
    redis?.kill('SIGTERM');
    await proxy.close();
    await pg.stop();
    await rm(root, { recursive: true, force: true });
  };

  return {
    url,
    databaseUrl,
    nodes,
    proxy,
    adminLink,
    killNode: (index) => {
      nodes[index]?.child?.kill('SIGKILL');
    },
    startNode,
    stopRedis: async () => {
      const current = redis;
      current?.kill('SIGTERM');
      if (current) await exited(current);
    },
    startRedis,
    freezeRedis: () => void redis?.kill('SIGSTOP'),
    thawRedis: () => void redis?.kill('SIGCONT'),
    restartPostgres: async () => {
      const postmaster = runningPostmaster(pgDir);
      if (postmaster) process.kill(postmaster.pid, 'SIGQUIT');
      while (runningPostmaster(pgDir)) await sleep(50);
      pg = await startEmbeddedPostgres(pgDir);
      proxy.retarget(pgPort());
    },
    stop,
  };
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer in time`);
}
