import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { startRedisServer, type RedisTestServer } from './support/redis-server.ts';
import { startTcpProxy, type TcpProxy } from '../chaos/tcp-proxy.ts';
import { subscribingUntilDone } from '../src/transport/realtime/redis-fan-out-adapter.ts';

// A node's subscription to the other nodes' fan-out, cut short by Redis going away before it
// answered: without care it fails unhandled (Node stops the process) and is never renewed.
describe('the fan-out subscription when Redis goes away mid-subscribe', () => {
  let redis: RedisTestServer;
  let link: TcpProxy;
  beforeAll(async () => {
    redis = await startRedisServer();
    link = await startTcpProxy(Number(new URL(redis.url).port));
  });
  afterAll(async () => {
    await link?.close();
    await redis?.stop();
  });

  it('reports the failure once and subscribes again when Redis is back', async () => {
    const sub = createClient({ url: `redis://127.0.0.1:${link.port}` });
    sub.on('error', () => {});
    await sub.connect();
    const publisher = createClient({ url: redis.url });
    await publisher.connect();
    const failures: unknown[] = [];
    const heard: string[] = [];
    try {
      link.setFault({ kind: 'stall' });
      void subscribingUntilDone(sub, (error) => failures.push(error)).subscribe('ward-fan-out', (m) => heard.push(m));
      await new Promise((resolve) => setTimeout(resolve, 100));
      link.resetAll();
      link.setFault({ kind: 'none' });

      await expect.poll(() => failures.length).toBe(1);
      await expect
        .poll(async () => (await publisher.publish('ward-fan-out', 'from another node'), heard), { timeout: 10_000 })
        .toContain('from another node');
    } finally {
      sub.destroy();
      publisher.destroy();
    }
  }, 30_000);
});
