/** What shutting a node-redis client down needs of it. */
type ClosableRedisClient = { isOpen: boolean; isReady: boolean; close: () => Promise<void>; destroy: () => void };

/**
 * Closes a Redis client at shutdown without ever waiting on Redis. A client that is reconnecting
 * (Redis down or restarting) would queue QUIT behind a reconnection that closing itself cancels,
 * and wait forever: it is dropped at once. A ready client finishes its pending commands first, for
 * at most `graceMs`.
 */
export async function closeRedisClient(client: ClosableRedisClient, graceMs = 2000): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) return client.destroy();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), graceMs)));
  const outcome = await Promise.race([client.close().catch(() => undefined), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timed out') client.destroy();
}
