/**
 * A child process of `npm run bench:idle` that holds some of the residents' sockets: a process here
 * may open at most 20,000 files, so the bench's sockets are shared out over several of these.
 * Told `{ url, tokens }` over IPC, it opens a socket per token (64 at a time), answers `opened`
 * (or `failed`), then answers each `count` with how many are still connected. A socket asked to come
 * back later (ADR 52) comes back after the time it was given, as the widget does.
 */
import { io, type Socket } from 'socket.io-client';

type Order = { kind: 'open'; url: string; tokens: string[] } | { kind: 'count' };
const sockets: Socket[] = [];
const send = (message: object) => process.send?.(message);

process.on('message', (order: Order) => {
  if (order.kind === 'count') return send({ kind: 'count', connected: sockets.filter((s) => s.connected).length });
  void openAll(order.url, order.tokens).then(
    () => send({ kind: 'opened' }),
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
// The bench ends: the sockets go with this process.
process.on('disconnect', () => process.exit(0));

async function openAll(url: string, tokens: string[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        const socket = io(`${url}/visitor`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { token },
          timeout: 30_000,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.on('connect_error', (error: Error & { data?: { retryAfterMs?: number } }) => {
            // Asked to come back later while the node's database queue is long (ADR 52), as the widget does.
            const later = error.data?.retryAfterMs;
            if (later === undefined) reject(new Error(`a socket did not connect: ${error.message}`));
            else setTimeout(() => socket.connect(), later);
          });
        });
      }
    }),
  );
}
