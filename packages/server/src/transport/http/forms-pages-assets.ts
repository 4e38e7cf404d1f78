import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { cssPath, wardCssPath } from './forms-pages-html.ts';

/** Hides the robot trap from people (off screen, out of the tab order, hidden from assistive technology). */
const wardCss =
  '.ward-honeypot{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}\n' +
  // The language switch (ADR 50): English and Cymraeg at the top right, as Welsh public bodies show it.
  '.ward-language-switch{margin-top:10px;text-align:right}.ward-language-switch__list{list-style:none;margin:0;padding:0;font-family:"GDS Transport",arial,sans-serif;font-size:1rem;line-height:1.25}.ward-language-switch__item{display:inline-block;margin-left:15px}\n';

const types: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Where govuk-frontend's built CSS and assets are (the console depends on the same package). */
function govukDist(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('govuk-frontend'));
  } catch {
    return null;
  }
}

/**
 * The GOV.UK Frontend stylesheet and the fonts and images it refers to, served under
 * /forms/assets/. The stylesheet refers to them at /assets/…, rewritten here once at start.
 */
export function registerFormAssets(app: FastifyInstance): void {
  const dist = govukDist();
  const css = dist
    ? readFileSync(path.join(dist, 'govuk-frontend.min.css'), 'utf8').replaceAll('url(/assets/', 'url(/forms/assets/')
    : '';
  const cached = { 'cache-control': 'public, max-age=86400', vary: 'accept-encoding' };
  // Compressed once at start (it is 120 KB as text), sent in the encoding the browser takes.
  const encoded = { br: brotliCompressSync(css), gzip: gzipSync(css, { level: 9 }) };
  app.get(cssPath, async (request, reply) => {
    if (!css) return reply.callNotFound();
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    reply.type('text/css; charset=utf-8').headers(cached);
    return encoding ? reply.header('content-encoding', encoding).send(encoded[encoding]) : reply.send(css);
  });
  app.get(wardCssPath, async (_request, reply) => reply.type('text/css; charset=utf-8').headers(cached).send(wardCss));
  for (const folder of ['fonts', 'images'] as const) {
    // Only the files that are there at start, by exact name: no path is ever built from the request.
    const files = new Set(
      dist ? readdirSync(path.join(dist, 'assets', folder)).filter((name) => path.extname(name) in types) : [],
    );
    app.get(`/forms/assets/${folder}/:file`, async (request, reply) => {
      const { file } = request.params as { file: string };
      if (!dist || !files.has(file)) return reply.callNotFound();
      return reply
        .type(types[path.extname(file)]!)
        .headers({ 'cache-control': 'public, max-age=31536000, immutable' })
        .send(await readFile(path.join(dist, 'assets', folder, file)));
    });
  }
}
