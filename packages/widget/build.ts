/// <reference types="node" />
/**
 * Builds the widget with esbuild:
 * - dist/loader.js                  the loader councils paste (IIFE, minified, es2018, < 3 KB gzipped)
 * - dist/app/index.html, app.js, app.css   the iframe app (Preact + socket.io-client), an ES module
 * - dist/app/messages-en.js, messages-cy.js   a catalogue each, the app imports the one shown
 * - dist/app/later.js (+ messages-later-*.js)  what is needed after opening (ADR 49), fetched then
 * The budget counts what opening the chat downloads (app.js, the chunks it imports, a catalogue).
 * Run with `node build.ts` (Node 24 strips the types).
 */
import { build } from 'esbuild';
import type { BuildOptions, Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = import.meta.dirname;
const dist = join(root, 'dist');
const loaderLimitBytes = 3072;
/** The chat app a resident downloads on opening the chat (issue 13), in English or in Welsh: at most 35 KB gzipped. */
const appLimitBytes = 35 * 1024;

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'app'), { recursive: true });

/**
 * Ward offers no WebTransport, so the app leaves Engine.IO's WebTransport client out (it connects
 * with long-polling upgraded to WebSocket, its transports named in connection.ts).
 */
const withoutWebTransport: Plugin = {
  name: 'without-webtransport',
  setup(plugin) {
    plugin.onResolve({ filter: /\/webtransport\.js$/ }, (args) =>
      args.importer.includes('engine.io-client') ? { path: 'webtransport', namespace: 'stub' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const WT = undefined;' }));
  },
};

const appOptions: BuildOptions = {
  entryPoints: { app: join(root, 'src/app/main.tsx') },
  outdir: join(dist, 'app'),
  // Content-hashed: Ward serves these for a year (immutable); index.html names the current ones.
  entryNames: '[name]-[hash]',
  // Each catalogue (ADR 49) is its own chunk, imported when a resident's language is known.
  chunkNames: '[name]-[hash]',
  splitting: true,
  // ’ and … as themselves, not \u2019 escapes: the texts are a good part of the app.
  charset: 'utf8',
  metafile: true,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [withoutWebTransport],
  legalComments: 'linked',
  logLevel: 'warning',
};

/**
 * The catalogues' keys are shortened in the build (they are a good part of the weight), but only
 * those the app's code and its libraries use nowhere except as `m.<key>`: a key that is also a
 * property of the browser, of Ward's answers or of a library (`name`, `close`…) keeps its name.
 */
async function catalogueKeysToShorten(): Promise<RegExp> {
  const catalogue = (
    await Promise.all(
      ['messages-en.ts', 'messages-later-en.ts'].map((file) => readFile(join(root, 'src/app', file), 'utf8')),
    )
  ).join('\n');
  const keys = [...catalogue.matchAll(/^ {2}(\w+):/gm)].map((match) => match[1] as string);
  const probe = await build({ ...appOptions, write: false, minify: false, outdir: join(dist, 'probe') });
  const sources = await Promise.all(
    Object.keys(probe.metafile?.inputs ?? {})
      .filter((file) => !/messages-(later-)?(en|cy)\.ts$/.test(file) && !file.startsWith('stub:'))
      .map((file) => readFile(join(process.cwd(), file), 'utf8')),
  );
  const elsewhere = sources.join('\n').replace(/\bm\.\w+/g, '');
  const only = keys.filter((key) => !new RegExp(`\\b${key}\\b`).test(elsewhere));
  return new RegExp(`^(${only.join('|')})$`);
}

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
  build({ ...appOptions, mangleProps: await catalogueKeysToShorten() }),
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
const appOutputs = appBuild.metafile?.outputs ?? {};
const jsOutputs = Object.keys(appOutputs).filter((file) => file.endsWith('.js'));
const output = (prefix: string) => jsOutputs.find((file) => basename(file).startsWith(prefix)) ?? '';
const [appEntry, welshJs, englishJs] = [output('app-'), output('messages-cy-'), output('messages-en-')];
if (!welshJs || !englishJs) throw new Error('The catalogues were not built as chunks of their own');
/** A chunk and what it imports statically: what the browser fetches with it, dynamic imports aside. */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of appOutputs[file]?.imports ?? [])
    if (imported.kind === 'import-statement') withStaticImports(imported.path, seen);
  return seen;
}
const opened = withStaticImports(appEntry);
const openedIn = (catalogue: string) => [...withStaticImports(catalogue, new Set(opened))];
// What is fetched later: the catalogues, the steps after a chat, the rarer pre-chat questions.
const lazy = jsOutputs.filter((file) => !opened.has(file));
const appJs = basename(appEntry);
const appCss = outputOf(cssBuild, '.css');
const template = await readFile(join(root, 'src/app/index.html'), 'utf8');
await writeFile(
  join(dist, 'app/index.html'),
  template.replace('./app.css', `./${appCss}`).replace('./app.js', `./${appJs}`),
);

const gzipped = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length;
const sum = async (files: string[]) => (await Promise.all(files.map(gzipped))).reduce((a, b) => a + b, 0);
const inDist = (file: string) => relative(dist, file);
const budgets: Array<[string, number, number]> = [
  ['loader.js', await gzipped(join(dist, 'loader.js')), loaderLimitBytes],
  ...(await Promise.all(
    [...opened].map(async (file): Promise<[string, number, number]> => [
      `${inDist(file)} (when the chat opens)`,
      await gzipped(file),
      Number.POSITIVE_INFINITY,
    ]),
  )),
  ...(await Promise.all(
    lazy.map(async (file): Promise<[string, number, number]> => [
      `${inDist(file)} (fetched when needed)`,
      await gzipped(file),
      Number.POSITIVE_INFINITY,
    ]),
  )),
  ['chat app opened in English', await sum(openedIn(englishJs)), appLimitBytes],
  ['chat app opened in Welsh', await sum(openedIn(welshJs)), appLimitBytes],
  [`app/${appCss}`, await gzipped(join(dist, 'app', appCss)), Number.POSITIVE_INFINITY],
];
let over = false;
for (const [name, size, limit] of budgets) {
  console.log(`${name}: ${size} bytes gzipped${Number.isFinite(limit) ? ` (limit ${limit})` : ''}`);
  if (size > limit) {
    console.error(`${name} is over its ${limit} byte budget`);
    over = true;
  }
}
if (over) process.exit(1);

execFileSync(process.execPath, [join(root, '../../scripts/precompress.ts'), dist], { stdio: 'inherit' });
