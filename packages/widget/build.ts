/// <reference types="node" />
/**
 * Builds the widget with esbuild:
 * - dist/loader.js                  the loader councils paste (IIFE, minified, es2018, < 3 KB gzipped)
 * - dist/app/index.html, app.js, app.css   the iframe app (Preact + socket.io-client)
 * Run with `node build.ts` (Node 24 strips the types).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = import.meta.dirname;
const dist = join(root, 'dist');
const loaderLimitBytes = 3072;
/** The chat app a resident downloads on opening the chat (issue 13): at most 35 KB gzipped. */
const appLimitBytes = 35 * 1024;

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'app'), { recursive: true });

const [, appBuild, cssBuild] = await Promise.all([
  build({
    entryPoints: [join(root, 'src/loader/index.ts')],
    outfile: join(dist, 'loader.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2018',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
  build({
    entryPoints: { app: join(root, 'src/app/main.tsx') },
    outdir: join(dist, 'app'),
    // Content-hashed: Ward serves these for a year (immutable); index.html names the current ones.
    entryNames: '[name]-[hash]',
    metafile: true,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  }),
  build({
    entryPoints: { app: join(root, 'src/app/app.css') },
    outdir: join(dist, 'app'),
    entryNames: '[name]-[hash]',
    metafile: true,
    bundle: true,
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
    logLevel: 'warning',
  }),
]);

// index.html names the hashed files it loads; it is never cached, so a new build shows at once.
const outputOf = (result: { metafile?: { outputs: Record<string, unknown> } }, extension: string) =>
  basename(Object.keys(result.metafile?.outputs ?? {}).find((file) => file.endsWith(extension)) ?? '');
const appJs = outputOf(appBuild, '.js');
const appCss = outputOf(cssBuild, '.css');
const template = await readFile(join(root, 'src/app/index.html'), 'utf8');
await writeFile(
  join(dist, 'app/index.html'),
  template.replace('./app.css', `./${appCss}`).replace('./app.js', `./${appJs}`),
);

const gzipped = async (file: string) => gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
const budgets: Record<string, number> = {
  'loader.js': loaderLimitBytes,
  [`app/${appJs}`]: appLimitBytes,
  [`app/${appCss}`]: Number.POSITIVE_INFINITY,
};
let over = false;
for (const [file, limit] of Object.entries(budgets)) {
  const size = await gzipped(file);
  console.log(`${file}: ${size} bytes gzipped${Number.isFinite(limit) ? ` (limit ${limit})` : ''}`);
  if (size > limit) {
    console.error(`${file} is over its ${limit} byte budget`);
    over = true;
  }
}
if (over) process.exit(1);

execFileSync(process.execPath, [join(root, '../../scripts/precompress.ts'), dist], { stdio: 'inherit' });
