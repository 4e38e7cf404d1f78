import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { demoPageCss, demoPageHtml } from './demo-page.ts';

export type StaticOptions = {
  widgetDist: string;
  consoleDist: string;
  publicUrl: string;
  organisation: { slug: string; name: string; allowedOrigins: string[] };
  demoPage: boolean;
};

/** A year for files whose name carries a content hash (`app-PBGAASRR.js`, `index-D3-hv0-8.js`); a day otherwise. */
export function cacheControlFor(file: string): string {
  // The path may be of the compressed copy beside the file (`app-PBGAASRR.js.br`).
  return /-(?=[\w-]*[A-Z0-9])[\w-]{8}\.[a-z0-9]+$/.test(path.basename(file).replace(/\.(br|gz)$/, ''))
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=86400';
}

const missingBuild = (what: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Ward</title></head><body><p>The ${what} has not been built. Run <code>npm run build</code>.</p></body></html>`;

/** The demo council page, the widget's loader and iframe app, and the staff console. */
export async function registerStaticRoutes(app: FastifyInstance, options: StaticOptions): Promise<void> {
  const publicOrigin = new URL(options.publicUrl).origin;
  const wsOrigin = publicOrigin.replace(/^http/, 'ws');
  const frameAncestors = ["'self'", ...options.organisation.allowedOrigins.map((o) => new URL(o).origin)].join(' ');
  const widgetCsp = `default-src 'self'; connect-src 'self' ${wsOrigin}; img-src 'self' data:; frame-ancestors ${frameAncestors}; base-uri 'none'; form-action 'self'`;
  const consoleCsp = `default-src 'self'; connect-src 'self' ${wsOrigin}; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

  if (options.demoPage) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          `default-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'`,
        )
        .send(
          demoPageHtml({
            organisationName: options.organisation.name,
            organisationSlug: options.organisation.slug,
            publicUrl: options.publicUrl,
          }),
        ),
    );
    app.get('/demo/demo.css', async (_request, reply) => reply.type('text/css').send(demoPageCss));
  }

  // Built files are served compressed (brotli or gzip, written beside them by the build) and, when
  // their names carry a content hash, cached for a year; the loader and the HTML that names the
  // hashed files briefly or not at all, so a new build shows at once (issue 13).
  await app.register(fastifyStatic, { root: options.consoleDist, serve: false, preCompressed: true });
  const widgetApp = path.join(options.widgetDist, 'app');
  app.get('/widget/loader.js', async (_request, reply) => {
    if (!existsSync(path.join(options.widgetDist, 'loader.js')))
      return reply.code(404).type('text/plain').send('The widget has not been built');
    // Councils embed the loader from their own pages: it must be fetchable cross-origin.
    return reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=300')
      .sendFile('loader.js', options.widgetDist, { cacheControl: false });
  });
  const sendWidgetIndex = async (_request: unknown, reply: FastifyReply) => {
    const file = path.join(widgetApp, 'index.html');
    const html = existsSync(file) ? await readFile(file, 'utf8') : missingBuild('widget');
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', widgetCsp)
      .header('cache-control', 'no-store')
      .send(html);
  };
  app.get('/widget/app/', sendWidgetIndex);
  app.get('/widget/app', async (_request, reply) => reply.redirect('/widget/app/'));
  await app.register(fastifyStatic, {
    root: existsSync(widgetApp) ? widgetApp : options.widgetDist,
    prefix: '/widget/app/',
    index: false,
    decorateReply: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, file) => response.header('cache-control', cacheControlFor(file)),
  });

  const sendConsoleIndex = async (_request: unknown, reply: FastifyReply) => {
    const file = path.join(options.consoleDist, 'index.html');
    const html = existsSync(file) ? await readFile(file, 'utf8') : missingBuild('console');
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', consoleCsp)
      .header('cache-control', 'no-store')
      .send(html);
  };
  // The console is a single-page app: a path under /console/ is a built file if one exists
  // (looked up per request, so a rebuild needs no restart), otherwise one of the app's routes.
  const consoleAsset = (relative: string) => {
    const file = path.resolve(options.consoleDist, relative);
    return file.startsWith(options.consoleDist + path.sep) && /\.[a-z0-9]+$/i.test(file) && existsSync(file)
      ? file
      : null;
  };
  app.get('/console/*', async (request, reply) => {
    const asset = consoleAsset((request.params as { '*': string })['*']);
    if (asset)
      return reply
        .header('cache-control', cacheControlFor(asset))
        .sendFile(path.relative(options.consoleDist, asset), { cacheControl: false });
    return sendConsoleIndex(request, reply);
  });
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/', sendConsoleIndex);
}
