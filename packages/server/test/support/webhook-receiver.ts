import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; address: string };

/**
 * A real HTTP server standing in for a council's CRM: it records every request and answers with
 * `answer` (a 204 unless a test says otherwise).
 */
export async function startReceiver(host = '127.0.0.1') {
  const received: Received[] = [];
  let answer: (request: Received, response: ServerResponse) => void = (_request, response) =>
    response.writeHead(204).end();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        address: request.socket.localAddress ?? '',
      };
      received.push(entry);
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    received,
    answerWith: (handler: typeof answer) => {
      answer = handler;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Verify = (headers: Record<string, string | undefined>, rawBody: string, secret: string, nowMs?: number) => boolean;

/** The verification code exactly as the README gives it to receivers, loaded as a module. */
export async function readmeVerifier(): Promise<Verify> {
  const readme = await readFile(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../README.md'),
    'utf8',
  );
  const code = /<!-- webhook-verification[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('the README has no webhook verification code');
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'ward-verify-')), 'verify.mjs');
  await writeFile(file, code);
  const loaded = (await import(pathToFileURL(file).href)) as { verifyWardWebhook: Verify };
  return loaded.verifyWardWebhook;
}
