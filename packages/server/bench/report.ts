import type { ScenarioResult } from './scenario.ts';
import { summarise } from './percentiles.ts';
import type { MicroResult } from './micro.ts';
import type { PurgeResult } from './purge.ts';

/** The target: Ward reaches at least this share of the echo rate, with p99 below this. */
export const target = { throughputShare: 0.25, p99Ms: 100 };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const cores = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));

export function rate(result: ScenarioResult): number {
  return result.load.messages / result.load.seconds;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}

export function printReport(results: readonly ScenarioResult[]): void {
  const rows = [
    [
      '',
      'pairs',
      'messages',
      'msgs/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'ack p50',
      'ack p99',
      'server CPU',
      'bench CPU',
      'machine CPU',
    ],
  ];
  for (const result of results) {
    const delivery = summarise(result.load.delivery);
    const ack = summarise(result.load.ack);
    rows.push([
      result.name,
      String(result.pairs),
      String(result.load.messages),
      rate(result).toFixed(0),
      ms(delivery.p50),
      ms(delivery.p99),
      ms(delivery.max),
      ms(ack.p50),
      ms(ack.p99),
      cores(result.cpu?.server),
      cores(result.cpu?.client),
      result.cpu ? `${cores(result.cpu.machine)} / ${result.cpu.cores}` : '–',
    ]);
  }
  console.log(table(rows));
  console.log('');
  console.log("p50/p99/max: send → the other party receives it. ack: send → the sender's acknowledgement.");
  console.log(
    'CPU in cores (CPU-seconds per second) in the measured window: server = the server process, bench = these',
  );
  console.log('clients, machine = every process on the machine (PostgreSQL included), out of the cores available.');
  for (const result of results) {
    const { visitorToAgent, agentToVisitor } = result.load;
    console.log(
      `${result.name}: ${visitorToAgent} visitor → agent, ${agentToVisitor} agent → visitor; ${result.notes.join('; ')}`,
    );
  }
}

/** Prints the ratio and whether Ward meets the target. Informational: nothing is asserted. */
export function printVerdict(ceiling: ScenarioResult, ward: ScenarioResult): void {
  const ratio = rate(ceiling) > 0 ? rate(ward) / rate(ceiling) : Number.NaN;
  const p99 = summarise(ward.load.delivery).p99;
  console.log('');
  console.log(`Ward/ceiling throughput ratio: ${(ratio * 100).toFixed(1)}%`);
  const misses: string[] = [];
  if (!(ratio >= target.throughputShare))
    misses.push(`throughput ${(ratio * 100).toFixed(1)}% < ${target.throughputShare * 100}%`);
  if (!(p99 < target.p99Ms)) misses.push(`p99 ${ms(p99)} ms ≥ ${target.p99Ms} ms`);
  const goal = `≥ ${target.throughputShare * 100}% of the echo rate with p99 < ${target.p99Ms} ms`;
  console.log(misses.length === 0 ? `Target (${goal}): met` : `Target (${goal}): NOT met (${misses.join(', ')})`);
}

const ns = (value: number) => (value >= 1000 ? Math.round(value).toLocaleString('en-GB') : value.toPrecision(3));
const share = (part: number, whole: number) =>
  Number.isFinite(whole) && whole > 0 ? `${((part / whole) * 100).toFixed(2)}%` : '–';

/** The privacy microbenchmarks, each as a share of one message's time in the ceiling and in Ward. */
export function printMicro(results: readonly MicroResult[], ceiling: ScenarioResult, ward: ScenarioResult): void {
  const ceilingNs = 1e9 / rate(ceiling);
  const wardNs = 1e9 / rate(ward);
  // The Ward server's own CPU time per message (its cores over its rate): what the work competes with.
  const wardCpuNs = ward.cpu ? (ward.cpu.server * 1e9) / rate(ward) : Number.NaN;
  console.log('');
  console.log(
    `Per-message privacy cost, timed in the bench process while no load runs (single-threaded; other work on the machine slows it). ` +
      `One message's time: ceiling ${ns(ceilingNs)} ns (1 / ${rate(ceiling).toFixed(0)} msgs/s), Ward ${ns(wardNs)} ns (1 / ${rate(ward).toFixed(0)} msgs/s); ` +
      `Ward server CPU per message ${Number.isFinite(wardCpuNs) ? ns(wardCpuNs) : '–'} ns`,
  );
  const rows = [['', 'ns/op', 'of ceiling msg', 'of Ward msg', 'of Ward CPU/msg', 'iterations', 'what']];
  for (const result of results) {
    rows.push([
      result.name,
      ns(result.nsPerOp),
      share(result.nsPerOp, ceilingNs),
      share(result.nsPerOp, wardNs),
      share(result.nsPerOp, wardCpuNs),
      String(result.iterations),
      result.detail,
    ]);
  }
  console.log(table(rows));
  const perMessage = results.filter((r) => r.perMessage).reduce((sum, r) => sum + r.nsPerOp, 0);
  console.log(
    `All three (redact mix + seal/open + audit hash): ${ns(perMessage)} ns = ${share(perMessage, ceilingNs)} of a ceiling message, ${share(perMessage, wardNs)} of a Ward message. ` +
      'A send redacts and seals once; it is not audited (accepting, reading and ending a chat are).',
  );
}

/** The retention purge beside chat: its rate and the chat latency without and during it. */
export function printPurge(result: PurgeResult): void {
  console.log('');
  console.log(
    `Retention purge under load: ${result.expired.toLocaleString('en-GB')} expired messages in ${result.conversations} ended conversations ` +
      `(inserted in ${result.insertSeconds.toFixed(1)} s), the real runRetention in the Ward process, clock ${result.clock}`,
  );
  printReport([result.without, result.during]);
  const rateText = result.purgeSeconds > 0 ? (result.deleted / result.purgeSeconds).toFixed(0) : '–';
  console.log(
    `Purge: ${result.deleted.toLocaleString('en-GB')} messages deleted in ${result.purgeSeconds.toFixed(1)} s = ${rateText} records/s; ${result.left} expired messages left`,
  );
  const before = summarise(result.without.load.delivery).p99;
  const during = summarise(result.during.load.delivery).p99;
  const ratio = during / before;
  console.log(
    `Chat p99 during the purge: ${ms(during)} ms vs ${ms(before)} ms without (${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'}×): ` +
      (ratio <= 2 ? 'within 2× (informational)' : 'MORE than 2× (informational)'),
  );
}
