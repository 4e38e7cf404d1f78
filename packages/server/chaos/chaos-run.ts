import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { StartConversationResponse } from '@ward/protocol';
import { startCluster, type Cluster } from './cluster.ts';
import { connect, type ChatClient, type Connection } from './chat-clients.ts';
import { faultSchedules, type FaultName, type Schedule } from './faults.ts';
import { checkInvariants, type Outcome } from './invariants.ts';

export type ChaosOptions = {
  nodes: number;
  chats: number;
  /** Messages in all, shared between each chat's resident and agent. */
  messages: number;
  agents: number;
  /** Each client's pause between one acknowledgement and its next message. */
  pauseMs?: number;
  fault: FaultName;
  /** Replaces the fault's default schedule (the short run kills two nodes in turn). */
  schedule?: Schedule;
  /** Chat until the schedule ends (rather than until `messages` are sent), so every fault meets traffic. */
  untilFaultsEnd?: boolean;
  /** Time allowed for every client to hold every message once the faults end. */
  convergeMs: number;
  log: (line: string) => void;
};

export type ChaosReport = Outcome & {
  fault: FaultName;
  nodes: number;
  chats: number;
  seconds: number;
  messagesPerSecond: number;
  faultsDone: string[];
  reconnections: number;
  /** Connections a node asked to come back a few seconds later (ADR 52). */
  toldToComeBack: number;
  convergedMs: number | null;
};

const json = (cookie?: string, origin?: string) => ({
  'content-type': 'application/json',
  ...(cookie ? { cookie } : {}),
  ...(origin ? { origin } : {}),
});

async function acceptInvitation(url: string, token: string, name: string, email?: string): Promise<string> {
  const response = await fetch(`${url}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: json(undefined, url),
    body: JSON.stringify({ firstName: name, lastName: 'Chaos', password: 'correct horse battery staple', email }),
  });
  if (response.status !== 200) throw new Error(`accepting an invitation: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function signUpAgents(cluster: Cluster, count: number): Promise<string[]> {
  const admin = await acceptInvitation(
    cluster.url,
    cluster.adminLink.split('/').pop()!,
    'Admin',
    'admin@chaos.invalid',
  );
  const cookies = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${cluster.url}/api/staff/invitations`, {
      method: 'POST',
      headers: json(admin, cluster.url),
      body: JSON.stringify({ email: `agent${i + 1}@chaos.invalid`, role: 'agent' }),
    });
    if (response.status !== 201) throw new Error(`inviting an agent: ${response.status} ${await response.text()}`);
    const { inviteUrl } = (await response.json()) as { inviteUrl: string };
    cookies.push(await acceptInvitation(cluster.url, inviteUrl.split('/').pop()!, `Agent${i + 1}`));
  }
  return cookies;
}

async function startChat(url: string, index: number): Promise<StartConversationResponse> {
  const response = await fetch(`${url}/api/widget/demo/conversations`, {
    method: 'POST',
    headers: { ...json(undefined, url), 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0' },
    body: JSON.stringify({ name: `Resident ${index + 1}`, email: '', topic: 'bins', consent: true }),
  });
  if (response.status !== 201) throw new Error(`starting a chat: ${response.status} ${await response.text()}`);
  return (await response.json()) as StartConversationResponse;
}

/** Loopback addresses 127.0.1.1 onwards, one per client, as if each were its own browser. */
const addressOf = (n: number) => `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;

/** Every client, once the faults are over, holds every message of its chat: how long that took. */
async function convergence(db: pg.Pool, clients: ChatClient[], limitMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started <= limitMs) {
    const { rows } = await db.query<{ id: string; count: string }>(
      'SELECT conversation_id AS id, count(*) AS count FROM messages WHERE conversation_id = ANY($1) GROUP BY 1',
      [[...new Set(clients.map((c) => c.conversationId))]],
    );
    const counts = new Map(rows.map((r) => [r.id, Number(r.count)]));
    if (clients.every((c) => c.seen.size === counts.get(c.conversationId))) return Date.now() - started;
    await sleep(250);
  }
  return null;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const cluster = await startCluster({ nodes: options.nodes, log: options.log });
  const db = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
  const clients: ChatClient[] = [];
  const connections: Connection[] = [];
  try {
    const cookies = await signUpAgents(cluster, options.agents);
    // One connection per agent, as one console tab carries all of an adviser's chats.
    const agents = await Promise.all(
      cookies.map((cookie, i) => connect({ url: cluster.url, role: 'agent', localAddress: addressOf(i), cookie })),
    );
    connections.push(...agents);
    options.log(`cluster up: ${options.nodes} nodes behind nginx at ${cluster.url}; ${options.agents} agents`);
    // A few chats at a time: residents arrive together, but not all in the same millisecond.
    const openChat = async (i: number) => {
      const started = await startChat(cluster.url, i);
      const agent = agents[i % agents.length]!.chat(started.conversationId);
      if (!(await agent.accept())) throw new Error('an agent could not accept a chat');
      const resident = await connect({
        url: cluster.url,
        role: 'resident',
        localAddress: addressOf(agents.length + i),
        visitorToken: started.visitorToken,
      });
      connections.push(resident);
      clients.push(resident.chat(started.conversationId), agent);
    };
    for (let first = 0; first < options.chats; first += 10) {
      await Promise.all(Array.from({ length: Math.min(10, options.chats - first) }, (_, k) => openChat(first + k)));
      if ((first + 10) % 500 === 0 && first + 10 < options.chats) options.log(`${first + 10} chats open`);
    }
    options.log(`${options.chats} chats open`);

    const perClient = Math.max(1, Math.round(options.messages / clients.length));
    const controller = new AbortController();
    const faultsDone: string[] = [];
    const faults = (options.schedule ?? faultSchedules[options.fault])(cluster, controller.signal, (what) => {
      faultsDone.push(what);
      options.log(`fault: ${what}`);
    });
    const started = performance.now();
    let lastDone = -1;
    const progress = setInterval(() => {
      const done = clients.reduce((sum, c) => sum + c.acknowledged.length, 0);
      options.log(`${done} messages acknowledged`);
      // Nothing acknowledged for 5 s: say where the connections stand.
      if (done === lastDone)
        options.log(`  connections: ${JSON.stringify(countBy(connections.map((c) => c.state())))}`);
      lastDone = done;
    }, 5000);
    let faultsOver = false;
    const over = () => (faultsOver = true);
    faults.then(over, over);
    // A fault that cannot be carried out (a node that does not start again) ends the run, cleaned up.
    const faultFailed = new Promise<never>((_, reject) => faults.catch(reject));
    const chatting = options.untilFaultsEnd
      ? clients.map(async (client) => {
          while (!faultsOver) await client.send(1, 20);
        })
      : clients.map((client) => client.send(perClient, options.pauseMs ?? 5));
    await Promise.race([Promise.all(chatting), faultFailed]).finally(() => clearInterval(progress));
    const seconds = (performance.now() - started) / 1000;
    controller.abort();
    await faults;
    options.log(
      `sent ${clients.reduce((sum, c) => sum + c.acknowledged.length, 0)} messages in ${seconds.toFixed(1)} s; waiting for every client`,
    );
    const convergedMs = await convergence(db, clients, options.convergeMs);
    const outcome = await checkInvariants(db, clients);
    return {
      ...outcome,
      fault: options.fault,
      nodes: options.nodes,
      chats: options.chats,
      seconds,
      messagesPerSecond: outcome.acknowledged / seconds,
      faultsDone,
      reconnections: connections.reduce((sum, c) => sum + c.reconnections(), 0),
      toldToComeBack: connections.reduce((sum, c) => sum + c.toldToComeBack(), 0),
      convergedMs,
    };
  } finally {
    for (const connection of connections) connection.close();
    await db.end();
    await cluster.stop();
  }
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
