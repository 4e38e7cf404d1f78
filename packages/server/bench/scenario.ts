import { fileURLToPath } from 'node:url';
import { closePair, type Pair } from './clients.ts';
import { cpuMeter, type CpuFigures } from './cpu.ts';
import { runLoad, type LoadResult } from './load.ts';
import type { BenchOptions } from './options.ts';
import type { ServerProcess } from './server-process.ts';

export type ScenarioResult = { name: string; pairs: number; load: LoadResult; cpu: CpuFigures | null; notes: string[] };

/** A file next to this one (the child process entries). */
export const benchFile = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** The part both scenarios share: drive the open pairs and measure the server's CPU meanwhile. */
export async function measure(
  name: string,
  server: ServerProcess,
  pairs: readonly Pair[],
  options: BenchOptions,
  notes: string[] = [],
): Promise<ScenarioResult> {
  try {
    return await measureOpen(name, server, pairs, options, notes);
  } finally {
    for (const pair of pairs) closePair(pair);
  }
}

/** As `measure`, but leaves the pairs open (for a scenario that drives them again). */
export async function measureOpen(
  name: string,
  server: ServerProcess,
  pairs: readonly Pair[],
  options: BenchOptions,
  notes: string[] = [],
): Promise<ScenarioResult> {
  const meter = cpuMeter(server);
  const load = await runLoad(pairs, {
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    alternate: options.alternate,
    messageTimeoutMs: options.messageTimeoutMs,
    signal: options.signal,
    onWindowStart: meter.start,
    onWindowEnd: meter.end,
  });
  return { name, pairs: pairs.length, load, cpu: await meter.figures(), notes };
}
