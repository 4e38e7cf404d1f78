import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/chaos-run.ts';
import { killNodes } from '../chaos/faults.ts';

// The short chaos run of `npm test` (the long ones: `npm run chaos`, figures in docs/RELIABILITY.md):
// three real `ward serve` processes behind nginx with the repository's configuration, one embedded
// PostgreSQL and one Redis; a node is killed with SIGKILL twice while residents and agents chat.
describe('three Ward nodes behind nginx, two nodes killed in turn while 12 chats run', () => {
  it('loses, duplicates and reorders nothing acknowledged, and every client ends with every message', async () => {
    const problems: string[] = [];
    const report = await runChaos({
      nodes: 3,
      chats: 12,
      messages: 0,
      untilFaultsEnd: true,
      agents: 4,
      fault: 'node-kill',
      schedule: killNodes(3000, 1000, 2),
      convergeMs: 30_000,
      // What goes wrong (a node that stops by itself, an error it logs) is kept for the failure message.
      log: (line) => void (/^node \d/.test(line) && problems.push(line)),
    });
    expect(report.faultsDone).toEqual([
      'SIGKILL node 1',
      'node 1 started again',
      'SIGKILL node 2',
      'node 2 started again',
    ]);
    expect(report.reconnections).toBeGreaterThan(0);
    expect(report.acknowledged, problems.join('\n')).toBeGreaterThan(100);
    expect({
      lost: report.lost,
      duplicated: report.duplicated,
      outOfOrder: report.outOfOrder,
      gaps: report.gaps,
      diverged: report.diverged,
    }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0, gaps: 0, diverged: 0 });
    expect(report.convergedMs, problems.join('\n')).not.toBeNull();
  }, 180_000);
});
