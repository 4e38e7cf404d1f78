/**
 * npm run chaos -- [--fault node-kill] [--nodes 3] [--chats 100] [--messages 10000] [--agents 20] [--pause 5]
 * Starts Ward on several nodes behind nginx, breaks what --fault names while residents and agents
 * chat, then checks from the database that nothing acknowledged was lost, duplicated or reordered and
 * that every client converged. Prints the figures (docs/RELIABILITY.md); exits 1 if any is broken.
 */
import { parseArgs } from 'node:util';
import { runChaos } from './chaos-run.ts';
import { faultSchedules, type FaultName } from './faults.ts';

const { values } = parseArgs({
  options: {
    fault: { type: 'string', default: 'node-kill' },
    nodes: { type: 'string', default: '3' },
    chats: { type: 'string', default: '100' },
    messages: { type: 'string', default: '10000' },
    agents: { type: 'string', default: '20' },
    pause: { type: 'string', default: '5' },
  },
});
const number = (name: string, text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number above 0`);
    process.exit(2);
  }
  return value;
};
if (!(values.fault in faultSchedules)) {
  console.error(`--fault must be one of: ${Object.keys(faultSchedules).join(', ')}`);
  process.exit(2);
}

const report = await runChaos({
  fault: values.fault as FaultName,
  nodes: number('nodes', values.nodes),
  chats: number('chats', values.chats),
  messages: number('messages', values.messages),
  agents: number('agents', values.agents),
  pauseMs: Number(values.pause) >= 0 ? Number(values.pause) : number('pause', values.pause),
  convergeMs: 30_000,
  log: (line) => console.log(line),
});
console.log(JSON.stringify(report, null, 2));
const broken = report.lost + report.duplicated + report.outOfOrder + report.gaps + report.diverged;
console.log(
  `${report.fault} on ${report.nodes} nodes: ${report.acknowledged} acknowledged, ${report.lost} lost, ` +
    `${report.duplicated} duplicated, ${report.outOfOrder} out of order, ${report.diverged} clients diverged, ` +
    `converged in ${report.convergedMs === null ? 'more than 30 s' : `${(report.convergedMs / 1000).toFixed(1)} s`}, ` +
    `${report.messagesPerSecond.toFixed(0)} msgs/s, ${report.reconnections} reconnections, ` +
    `${report.toldToComeBack} told to come back later`,
);
// On a fast machine the traffic can end before the first fault: that run proved nothing.
const faultless = report.fault !== 'none' && report.faultsDone.length === 0;
if (faultless) console.log('The traffic ended before any fault was made: raise --pause (e.g. 2000) or --messages.');
process.exit(broken > 0 || report.convergedMs === null || faultless ? 1 : 0);
