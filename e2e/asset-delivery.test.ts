import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';

/** One GET with the given Accept-Encoding, the body as sent (not decoded). */
function get(url: string, encoding: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

const decode = (encoding: unknown, body: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

describe('static assets are sent compressed, and cached for a year when their names are hashed (issue 13)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  /** The hashed files an HTML page names, by their extension. */
  const named = (html: string, extension: string) =>
    [...html.matchAll(new RegExp(`(?:src|href)="([^"]+\\.${extension})"`, 'g'))].map((m) => m[1]!);

  it('serves the chat app in brotli or gzip, hashed and immutable, and the page naming it uncached', async () => {
    const page = await get(`${t.url}/widget/app/`, 'identity');
    expect(page.headers['cache-control']).toBe('no-store');
    const html = page.body.toString('utf8');
    const [script] = named(html, 'js');
    const [style] = named(html, 'css');
    expect(script).toMatch(/^\.\/app-[A-Z0-9]{8}\.js$/);
    const built = await readFile(path.join('packages/widget/dist/app', script!));
    for (const file of [script!, style!]) {
      for (const encoding of ['br', 'gzip']) {
        const asset = await get(new URL(file, `${t.url}/widget/app/`).href, `${encoding}, deflate`);
        expect(asset.status).toBe(200);
        expect(asset.headers['content-encoding']).toBe(encoding);
        expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        if (file === script) expect(decode(encoding, asset.body).equals(built)).toBe(true);
      }
    }
    // A client that takes no compression gets the file itself.
    const plain = await get(new URL(script!, `${t.url}/widget/app/`).href, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(built)).toBe(true);
  });

  it('serves the loader compressed, for five minutes, to any site', async () => {
    const loader = await get(`${t.url}/widget/loader.js`, 'br, gzip');
    expect(loader.headers['content-encoding']).toBe('br');
    expect(loader.headers['cache-control']).toBe('public, max-age=300');
    expect(loader.headers['access-control-allow-origin']).toBe('*');
    expect(decode('br', loader.body).equals(await readFile('packages/widget/dist/loader.js'))).toBe(true);
  });

  it('serves the console’s scripts and styles compressed and immutable', async () => {
    const html = (await get(`${t.url}/console/`, 'identity')).body.toString('utf8');
    const files = [...named(html, 'js'), ...named(html, 'css')];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const asset = await get(new URL(file, t.url).href, 'gzip, br');
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('serves the online forms’ stylesheet compressed', async () => {
    const css = await get(`${t.url}/forms/assets/govuk-frontend.min.css`, 'gzip');
    expect(css.status).toBe(200);
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', css.body).toString('utf8')).toContain('.govuk-button');
  });
});
