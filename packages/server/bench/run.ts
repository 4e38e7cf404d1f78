/**
 * `npm run bench`: the Socket.IO ceiling, then Ward, under the same chat load; prints figures.
 * Then the per-message privacy microbenchmarks and (unless BENCH_PURGE=false) a retention purge under load.
 * Settings: BENCH_PAIRS, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_ALTERNATE, BENCH_PURGE,
 * BENCH_PURGE_MESSAGES, WARD_BENCH_DATABASE_URL.
 * See docs/PERFORMANCE.md.
 */
import os from 'node:os';
import { benchCeiling } from './ceiling.ts';
import { OptionsError, readOptions } from './options.ts';
import { runMicrobenchmarks } from './micro.ts';
import { benchPurge, type PurgeResult } from './purge.ts';
import { printMicro, printPurge, printReport, printVerdict } from './report.ts';
import type { ScenarioResult } from './scenario.ts';
import { terminateServers } from './server-process.ts';
import { benchWard } from './ward.ts';

const interrupt = new AbortController();
const onSignal = () => {
  if (interrupt.signal.aborted) process.exit(130); // a second Ctrl-C: leave now
  console.error('\nInterrupted: stopping the servers and cleaning up…');
  interrupt.abort();
  terminateServers();
  setTimeout(() => process.exit(130), 20_000).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

function hasErrors(result: ScenarioResult): boolean {
  if (result.load.errors.length === 0) return false;
  console.error(`${result.name}: ${result.load.errors.length} pair(s) stopped early; first: ${result.load.errors[0]}`);
  return true;
}

async function main(): Promise<number> {
  const options = readOptions(process.env, interrupt.signal);
  const cpus = os.cpus();
  console.log(`Ward bench — ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
  );
  console.log(
    `Load average before the run (1, 5, 15 min): ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')} — other work on the machine skews every figure`,
  );
  console.log(
    `Load: ${options.pairs} pairs, one message in flight per pair, ${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s measured, ` +
      `${options.alternate ? 'directions alternating' : 'visitor → agent only'}`,
  );
  console.log('');

  console.log('Running the ceiling (bare Socket.IO echo server)…');
  const ceiling = await benchCeiling(options);
  if (interrupt.signal.aborted) return 130;
  console.log('Running Ward (setting up agents and conversations first)…');
  const ward = await benchWard(options);
  if (interrupt.signal.aborted) return 130;
  console.log('Timing redaction, encryption and the audit hash in the bench process (no load running)…');
  const micro = runMicrobenchmarks();
  let purge: PurgeResult | undefined;
  if (options.purge) {
    console.log(
      `Running the retention purge under load (${options.purgeMessages.toLocaleString('en-GB')} expired messages; BENCH_PURGE=false skips it)…`,
    );
    purge = await benchPurge(options);
    if (interrupt.signal.aborted) return 130;
  }
  console.log('');
  printReport([ceiling, ward]);
  printVerdict(ceiling, ward);
  printMicro(micro, ceiling, ward);
  if (purge) printPurge(purge);
  const failed = [ceiling, ward, ...(purge ? [purge.without, purge.during] : [])].map(hasErrors).some(Boolean);
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (interrupt.signal.aborted) {
    process.exitCode = 130;
  } else {
    const detail =
      error instanceof OptionsError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    console.error(`The bench failed: ${detail}`);
    process.exitCode = 1;
  }
}
// Everything is closed by now; this only bounds the exit if a handle lingers.
setTimeout(() => process.exit(), 2000).unref();
