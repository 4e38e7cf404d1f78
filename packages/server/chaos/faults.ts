import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster } from './cluster.ts';

/**
 * What the chaos run breaks while residents and agents chat, each until the run's messages are all
 * sent (the signal). Every fault is bounded in time and count, and on loopback only.
 */
export type FaultName = 'none' | 'node-kill' | 'redis-stop' | 'redis-freeze' | 'postgres-restart' | 'link' | 'storm';
export type Schedule = (cluster: Cluster, signal: AbortSignal, done: (what: string) => void) => Promise<void>;

const wait = (ms: number, signal: AbortSignal) =>
  sleep(ms, undefined, { signal }).then(
    () => true,
    () => false,
  );

/** Kills a node every `everyMs` (the next one each time, `times` in all) and starts it again as a supervisor would. */
export const killNodes =
  (everyMs: number, restartAfterMs = 2000, times = Infinity): Schedule =>
  async (cluster, signal, done) => {
    for (let round = 0; round < times && (await wait(everyMs, signal)); round++) {
      const index = round % cluster.nodes.length;
      cluster.killNode(index);
      done(`SIGKILL node ${index + 1}`);
      await sleep(restartAfterMs);
      await cluster.startNode(index);
      done(`node ${index + 1} started again`);
    }
  };

/** Stops (or freezes) Redis for `forMs`, once, `afterMs` into the run. */
const redisOutage =
  (mode: 'stop' | 'freeze', afterMs: number, forMs: number): Schedule =>
  async (cluster, signal, done) => {
    if (!(await wait(afterMs, signal))) return;
    if (mode === 'stop') await cluster.stopRedis();
    else cluster.freezeRedis();
    done(mode === 'stop' ? 'Redis stopped' : 'Redis frozen (SIGSTOP)');
    await sleep(forMs);
    if (mode === 'stop') await cluster.startRedis();
    else cluster.thawRedis();
    done(mode === 'stop' ? 'Redis started again' : 'Redis thawed (SIGCONT)');
  };

/** PostgreSQL's immediate shutdown and a restart (crash recovery), every `everyMs`. */
const restartPostgres =
  (everyMs: number): Schedule =>
  async (cluster, signal, done) => {
    while (await wait(everyMs, signal)) {
      await cluster.restartPostgres();
      done('PostgreSQL immediate shutdown and restart');
    }
  };

/** The link to PostgreSQL: 200 ms of latency, a 3-second stall, then every connection reset. */
const badLink =
  (everyMs: number): Schedule =>
  async (cluster, signal, done) => {
    while (await wait(everyMs, signal)) {
      cluster.proxy.setFault({ kind: 'latency', ms: 200 });
      done('200 ms latency to PostgreSQL');
      await sleep(3000);
      cluster.proxy.setFault({ kind: 'stall' });
      done('link to PostgreSQL stalled');
      await sleep(3000);
      cluster.proxy.setFault({ kind: 'none' });
      done(`link restored; ${cluster.proxy.resetAll()} connections reset`);
    }
  };

/** One node dies with every client on it, who all reconnect at once to the others. */
const storm: Schedule = async (cluster, signal, done) => {
  if (!(await wait(3000, signal))) return;
  const busiest = 0;
  cluster.killNode(busiest);
  done(`SIGKILL node ${busiest + 1}: its clients reconnect at once`);
  await sleep(2000);
  await cluster.startNode(busiest);
  done(`node ${busiest + 1} started again`);
};

export const faultSchedules: Record<FaultName, Schedule> = {
  none: async () => {},
  'node-kill': killNodes(Number(process.env.WARD_CHAOS_KILL_EVERY_MS ?? 20_000)),
  'redis-stop': redisOutage('stop', 3000, Number(process.env.WARD_CHAOS_OUTAGE_MS ?? 30_000)),
  'redis-freeze': redisOutage('freeze', 3000, Number(process.env.WARD_CHAOS_OUTAGE_MS ?? 30_000)),
  'postgres-restart': restartPostgres(Number(process.env.WARD_CHAOS_PG_EVERY_MS ?? 15_000)),
  link: badLink(Number(process.env.WARD_CHAOS_LINK_EVERY_MS ?? 10_000)),
  storm,
};
