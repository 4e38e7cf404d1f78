import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findCanaries } from './support/log-canaries.ts';
import { testLogDir } from './support/global-setup.ts';

/**
 * Run after the whole test suite (part of `npm test`): searches everything Ward logged during
 * the run for the personal data the tests gave it as residents. Any hit fails the run.
 */
const files = (await readdir(testLogDir).catch(() => [] as string[])).filter((f) => f.endsWith('.log'));
let lines = 0;
const leaks: string[] = [];
for (const file of files) {
  const text = await readFile(path.join(testLogDir, file), 'utf8');
  lines += text.split('\n').filter(Boolean).length;
  for (const canary of findCanaries(text)) leaks.push(`  ${file}: "${canary}"`);
}
if (files.length === 0 || lines === 0) {
  console.error('check-test-logs: no Ward logs were written by the tests, so nothing was checked');
  process.exit(1);
}
if (leaks.length > 0) {
  console.error(`check-test-logs: personal data reached Ward's logs:\n${leaks.join('\n')}`);
  process.exit(1);
}
console.log(`check-test-logs: ${lines} log lines from ${files.length} Ward instances, no resident's personal data`);
