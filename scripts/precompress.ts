/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text asset in the folders given, so
 * Ward serves them compressed without compressing on each request (@fastify/static `preCompressed`).
 * Usage: node scripts/precompress.ts <folder>…   (run by the widget's and the console's builds)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = new Set(['.js', '.css', '.html', '.svg', '.json', '.map', '.txt']);

async function* files(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (compressible.has(path.extname(entry.name))) yield full;
  }
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('Usage: node scripts/precompress.ts <folder>…');
  process.exit(2);
}
for (const folder of folders) {
  let count = 0;
  for await (const file of files(folder)) {
    const content = await readFile(file);
    await writeFile(
      `${file}.br`,
      brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      }),
    );
    await writeFile(`${file}.gz`, gzipSync(content, { level: 9 }));
    count++;
  }
  console.log(`precompressed ${count} files in ${path.relative(process.cwd(), folder) || '.'}`);
}
