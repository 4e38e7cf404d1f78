import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, QueueItem } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startRedisServer, type RedisTestServer } from './support/redis-server.ts';

// Every node must hold the same key-encryption keys to read each other's residents' data.
const kek = `test-kek:${randomBytes(32).toString('base64')}`;

describe('two Ward nodes behind a load balancer, sharing PostgreSQL and Redis', () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  let redis: RedisTestServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    nodeA = await startTestApp({ env: { REDIS_URL: redis.url, WARD_KEK: kek } });
    nodeB = await startTestApp({ env: { REDIS_URL: redis.url, WARD_KEK: kek }, sameDatabaseAs: nodeA });
  });
  afterAll(async () => {
    await nodeB?.close();
    await nodeA?.close();
    await redis?.stop();
  });

  it('carries a conversation between a resident on one node and an agent on the other', async () => {
    const { cookie } = await nodeB.signUpStaff();
    const agent = await nodeB.agentSocket(cookie);
    const queued = new Promise<QueueItem[]>((resolve) =>
      agent.on('queue', ({ waiting }) => waiting.length > 0 && resolve(waiting)),
    );
    const chat = await nodeA.startChat();
    expect((await queued).map((q) => q.caseReference)).toContain(chat.caseReference);

    const visitor = await nodeA.visitorSocket(chat.visitorToken);
    const joined = new Promise<Message>((resolve) => visitor.once('message', resolve));
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    expect((await joined).body).toBe('Sam has joined the chat');

    const toAgent = new Promise<Message>((resolve) => agent.once('message', ({ message }) => resolve(message)));
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Hello from node A' });
    expect((await toAgent).body).toBe('Hello from node A');

    const typing = new Promise<boolean>((resolve) => visitor.once('typing', ({ isTyping }) => resolve(isTyping)));
    agent.emit('typing', { conversationId: chat.conversationId, isTyping: true });
    expect(await typing).toBe(true);
  });

  it('keeps acknowledging while Redis is down, and has every client catch up once it is back', async () => {
    const { cookie } = await nodeB.signUpStaff();
    const agent = await nodeB.agentSocket(cookie);
    const chat = await nodeA.startChat();
    const visitor = await nodeA.visitorSocket(chat.visitorToken);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    const port = new URL(redis.url).port;

    await redis.stop();
    const sent = await visitor
      .timeout(10_000)
      .emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Sent while Redis was away' });
    expect(sent.ok).toBe(true);

    // The agent's node never heard of it (fan-out goes through Redis): once Redis is back, every
    // client of every node is told to ask for what it missed, and the agent finds the message.
    const agentResync = new Promise<void>((resolve) => agent.once('resync', () => resolve()));
    const visitorResync = new Promise<void>((resolve) => visitor.once('resync', () => resolve()));
    redis = await startRedisServer({ port: Number(port) });
    await Promise.all([agentResync, visitorResync]);
    const resumed = await agent.emitWithAck('resume', { conversationId: chat.conversationId, afterSeq: 0 });
    expect(resumed.ok && resumed.messages.map((m) => m.body)).toContain('Sent while Redis was away');
  }, 60_000);

  it('shuts a node down promptly while Redis is away', async () => {
    const ownRedis = await startRedisServer();
    const node = await startTestApp({ env: { REDIS_URL: ownRedis.url, WARD_KEK: kek }, sameDatabaseAs: nodeA });
    await ownRedis.stop();
    // Its Redis clients are now reconnecting: closing must not wait for a Redis that is not there.
    await node.close();
  }, 30_000);
});
