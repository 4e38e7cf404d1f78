import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { StartConversationResponse } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { startRedisServer, type RedisTestServer } from './support/redis-server.ts';
import { startWardServe } from './support/ward-process.ts';
import { caseClient } from './support/case-requests.ts';
import { freePort } from '../src/shared/free-port.ts';

// Every node must hold the same key-encryption keys to read each other's residents' data.
const kek = `test-kek:${randomBytes(32).toString('base64')}`;
const indexKey = randomBytes(32).toString('base64');
const auditKey = randomBytes(32).toString('base64');
const agentsCount = 24;
const routedChats = 160;
const manualChats = 40;

type Node = { url: string; origin: string; stop: () => Promise<number | null> };
type Agent = { id: string; cookie: string; capacity: number; welsh: boolean; socket: AgentSocket };

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width)
    results.push(...(await Promise.all(items.slice(start, start + width).map((item, i) => work(item, start + i)))));
  return results;
}

/**
 * Routing across three `ward serve` processes sharing one PostgreSQL and Redis (ADR 39): dozens of
 * agents connected to different nodes, hundreds of chats started on all of them at once. No chat is
 * given twice, nobody is given more than their capacity, every chat is given once room allows, and
 * agents racing to accept the same manual chat leave it with exactly one of them.
 */
describe('routing across three Ward processes', () => {
  let t: TestApp;
  let redis: RedisTestServer;
  const nodes: Node[] = [];
  const agents: Agent[] = [];
  const dataDirs: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-routing-nodes-')), 'organisation.json');
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: {
          topics: [
            { id: 'council-tax', label: 'Council Tax', department: 'council-tax' },
            { id: 'tax-welsh', label: 'Treth Gyngor', department: 'council-tax' },
            { id: 'bins', label: 'Bins and recycling', department: 'waste' },
            { id: 'housing', label: 'Housing', department: 'housing' },
          ],
          routing: {
            defaultCapacity: 2,
            departments: { waste: { strategy: 'round-robin' }, housing: { strategy: 'manual' } },
            skills: [{ id: 'welsh', label: 'Welsh' }],
            topicSkills: { 'tax-welsh': ['welsh'] },
          },
        },
      }),
    );
    const env = {
      REDIS_URL: redis.url,
      WARD_KEK: kek,
      WARD_INDEX_KEY: indexKey,
      WARD_AUDIT_KEY: auditKey,
      WARD_ORGANISATION_FILE: file,
      WARD_RATE_LIMITS: 'off',
    };
    // This process's own node migrates the database and signs staff up; three more serve.
    t = await startTestApp({ env });
    nodes.push(
      ...(await Promise.all(
        [0, 1, 2].map(async () => {
          const port = await freePort();
          const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-node-'));
          dataDirs.push(dataDir);
          const origin = `http://127.0.0.1:${port}`;
          const { stop } = await startWardServe(
            {
              ...env,
              HOST: '127.0.0.1',
              PORT: String(port),
              DATABASE_URL: t.databaseUrl,
              WARD_DATA_DIR: dataDir,
              WARD_MFA_REQUIRED: 'none',
              WARD_LOG_LEVEL: 'info',
            },
            /Staff console/,
          );
          return { url: origin, origin, stop };
        }),
      )),
    );
    const api = caseClient(t);
    const admin = await api.staff('admin', [], { firstName: 'Ada', lastName: 'Admin' });
    for (let i = 0; i < agentsCount; i++) {
      const staff = await api.staff('agent', [], { firstName: `Agent${i}`, lastName: 'Adviser' });
      const capacity = i % 5 === 0 ? 1 : i % 5 === 1 ? 3 : 2;
      const welsh = i % 5 === 2;
      const set = await api.call(
        'PUT',
        `/api/staff/${staff.id}/routing`,
        { cookie: admin.cookie },
        {
          skills: welsh ? ['welsh'] : [],
          capacity: capacity === 2 ? null : capacity,
        },
      );
      expect(set.status).toBe(200);
      agents.push({ id: staff.id, cookie: staff.cookie, capacity, welsh, socket: null as unknown as AgentSocket });
    }
  }, 120_000);

  afterAll(async () => {
    for (const agent of agents) agent.socket?.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await t?.close();
    await redis?.stop();
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const countWhere = async (status: 'active' | 'ended') =>
    Number(
      (
        await t.app.db
          .selectFrom('conversations')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('status', '=', status)
          .where('topic_id', '!=', 'housing')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const until = async (done: () => Promise<boolean>) => {
    while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  it('gives every chat once, never over capacity, only to agents with the skill', { timeout: 120_000 }, async () => {
    let release = false;
    const held = new Map<string, string[]>(); // agent → chats given while holding
    const ending: Promise<unknown>[] = [];
    const endChat = (agent: Agent, conversationId: string) =>
      ending.push(agent.socket.emitWithAck('conversation:end', { conversationId }));

    // Dozens of agents connect to the three nodes at once and choose Available.
    await Promise.all(
      agents.map(async (agent, index) => {
        const node = nodes[index % nodes.length]!;
        const socket = connect(`${node.url}/agent`, {
          extraHeaders: { cookie: agent.cookie, origin: node.origin },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        }) as AgentSocket;
        agent.socket = socket;
        const seen = new Set<string>();
        socket.on('conversation', (conversation) => {
          if (conversation.status !== 'active' || conversation.assignedStaffId !== agent.id) return;
          if (seen.has(conversation.id)) return;
          seen.add(conversation.id);
          if (release) endChat(agent, conversation.id);
          else held.set(agent.id, [...(held.get(agent.id) ?? []), conversation.id]);
        });
        await new Promise((resolve, reject) => socket.once('status', resolve).once('connect_error', reject));
        expect(await socket.emitWithAck('status:set', { status: 'available' })).toMatchObject({ ok: true });
      }),
    );

    // Hundreds of chats started on every node at once.
    const topics = Array.from({ length: routedChats }, (_, i) =>
      i % 10 === 3 ? 'tax-welsh' : i % 10 === 7 ? 'bins' : 'council-tax',
    );
    await inBatches(topics, 30, async (topic, index) => {
      const node = nodes[index % nodes.length]!;
      const response = await fetch(`${node.url}/api/widget/demo/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ann Resident', topic, consent: true }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as StartConversationResponse;
    });

    // Every agent fills up to their capacity, and no further.
    const capacity = agents.reduce((sum, agent) => sum + agent.capacity, 0);
    await until(async () => (await countWhere('active')) === capacity);
    const load = await t.app.db
      .selectFrom('conversations')
      .select(['assigned_staff_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', '=', 'active')
      .groupBy('assigned_staff_id')
      .execute();
    for (const agent of agents)
      expect(Number(load.find((row) => row.assigned_staff_id === agent.id)?.n)).toBe(agent.capacity);

    // Agents now end each chat as it arrives: every waiting chat is given as room frees up.
    release = true;
    for (const agent of agents) for (const id of held.get(agent.id) ?? []) endChat(agent, id);
    await until(async () => (await countWhere('ended')) === routedChats);
    await Promise.all(ending);
    for (const agent of agents) agent.socket.off('conversation');

    const chats = await t.app.db
      .selectFrom('conversations')
      .select(['id', 'topic_id', 'assigned_staff_id', 'accepted_at', 'ended_at'])
      .where('topic_id', '!=', 'housing')
      .execute();
    expect(chats).toHaveLength(routedChats);
    // Given once: one assignment each in the reports' log, one "has joined" message each.
    const assigned = await t.app.db
      .selectFrom('contact_events')
      .select(['contact_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('kind', '=', 'chat-assigned')
      .groupBy('contact_id')
      .execute();
    expect(assigned).toHaveLength(routedChats);
    expect(assigned.every((row) => Number(row.n) === 1)).toBe(true);
    // The resident heard of one adviser joining (and then of the end): two system messages each.
    const told = await t.app.db
      .selectFrom('messages')
      .select(['conversation_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('sender', '=', 'system')
      .groupBy('conversation_id')
      .execute();
    expect(told.filter((row) => Number(row.n) === 2)).toHaveLength(routedChats);
    // Skills respected.
    const welsh = new Set(agents.filter((agent) => agent.welsh).map((agent) => agent.id));
    for (const chat of chats.filter((c) => c.topic_id === 'tax-welsh'))
      expect(welsh.has(chat.assigned_staff_id!)).toBe(true);
    // Capacity held at every moment: nobody's chats overlapped more than their capacity.
    for (const agent of agents) {
      const edges = chats
        .filter((chat) => chat.assigned_staff_id === agent.id)
        .flatMap((chat) => [
          { at: chat.accepted_at!.getTime(), change: 1 },
          { at: chat.ended_at!.getTime(), change: -1 },
        ])
        .sort((a, b) => a.at - b.at || a.change - b.change);
      let open = 0;
      let most = 0;
      for (const edge of edges) most = Math.max(most, (open += edge.change));
      expect(most).toBeLessThanOrEqual(agent.capacity);
    }
  });

  it('leaves a manual chat with exactly one of the agents racing to accept it', { timeout: 60_000 }, async () => {
    for (const agent of agents) await agent.socket.emitWithAck('status:set', { status: 'busy' });
    const chats = await inBatches(Array.from({ length: manualChats }), 20, async (_, index) => {
      const response = await fetch(`${nodes[index % nodes.length]!.url}/api/widget/demo/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ann Resident', topic: 'housing', consent: true }),
      });
      return ((await response.json()) as StartConversationResponse).conversationId;
    });
    await inBatches(chats, 5, async (conversationId) => {
      const acks = await Promise.all(
        agents.slice(0, 10).map((agent) => agent.socket.emitWithAck('conversation:accept', { conversationId })),
      );
      expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
    });
    const accepted = await t.app.db
      .selectFrom('conversations')
      .select(['status'])
      .where('topic_id', '=', 'housing')
      .execute();
    expect(accepted.map((row) => row.status)).toEqual(chats.map(() => 'active'));
  });
});
