import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ServerProcess } from './server-process.ts';

/** CPU used during a window, in cores (CPU-seconds per wall-clock second). */
export type CpuFigures = { server: number; client: number; machine: number; cores: number };

type Snapshot = { wall: number; server: number; client: number; machineBusy: number };

/** Busy CPU-seconds of the whole machine so far (all processes: server, bench, PostgreSQL…). */
function machineBusySeconds(): number {
  let busyMs = 0;
  for (const cpu of os.cpus()) busyMs += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  return busyMs / 1000;
}

async function snapshot(server: ServerProcess): Promise<Snapshot> {
  const wall = performance.now();
  const client = process.cpuUsage();
  const machineBusy = machineBusySeconds();
  return { wall, client: (client.user + client.system) / 1e6, machineBusy, server: await server.cpuSeconds() };
}

/** Call `start` and `end` at the edges of the measured window, then read `figures`. */
export function cpuMeter(server: ServerProcess) {
  let first: Promise<Snapshot | null> | null = null;
  let last: Promise<Snapshot | null> | null = null;
  const take = () => snapshot(server).catch(() => null);
  return {
    start: () => void (first ??= take()),
    end: () => void (last ??= take()),
    figures: async (): Promise<CpuFigures | null> => {
      const [a, b] = await Promise.all([first, last]);
      if (!a || !b || b.wall <= a.wall) return null;
      const seconds = (b.wall - a.wall) / 1000;
      return {
        server: (b.server - a.server) / seconds,
        client: (b.client - a.client) / seconds,
        machine: (b.machineBusy - a.machineBusy) / seconds,
        cores: os.cpus().length,
      };
    },
  };
}
