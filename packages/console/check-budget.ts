/// <reference types="node" />
/**
 * The JavaScript a signed-in agent's first page needs (the entry script index.html names, and the
 * chunks it preloads) must stay under 150 KB gzipped (issue 13); other pages load on demand.
 * Run after `vite build` by `npm run build`; prints the figure and fails over budget.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, 'dist');
const budgetBytes = 150 * 1024;
const html = await readFile(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
let total = 0;
for (const script of scripts) total += gzipSync(await readFile(join(dist, script)), { level: 9 }).length;
console.log(`console first page: ${scripts.length} scripts, ${total} bytes gzipped (limit ${budgetBytes})`);
if (scripts.length === 0 || total > budgetBytes) {
  console.error(scripts.length === 0 ? 'no script found in index.html' : 'the console is over its budget');
  process.exit(1);
}
