import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wallboard } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { findCanaries } from './support/log-canaries.ts';

/**
 * The live wallboard (issue 12): the queue and today's figures of a supervisor's departments or
 * the whole council, and a hint to supervisors' consoles whenever a chat starts, is answered or ends.
 */
let t: TestApp;
let client: ReturnType<typeof caseClient>;
let admin: { cookie: string; id: string };
let supervisor: { cookie: string; id: string };
let agent: { cookie: string; id: string };
let privacy: { cookie: string; id: string };
let keyToken: string;
const sockets: AgentSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  client = caseClient(t);
  admin = await client.staff('admin');
  supervisor = await client.staff('supervisor', ['council-tax']);
  agent = await client.staff('agent', ['council-tax']);
  privacy = await client.staff('privacy_officer');
  const made = await client.call<{ token: string }>(
    'POST',
    '/api/api-keys',
    { cookie: admin.cookie },
    { name: 'Wallboard screen', scopes: ['reports'] },
  );
  keyToken = made.body.token;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.close();
});

const wallboard = async (auth: { cookie?: string; bearer?: string }) => {
  const response = await client.call<Wallboard>('GET', '/api/reports/wallboard', auth);
  expect(response.status).toBe(200);
  return response.body;
};
const connect = async (cookie: string) => {
  const socket = await t.agentSocket(cookie);
  sockets.push(socket);
  return socket;
};

describe('the wallboard', () => {
  it('follows the queue, answers and abandoned chats, with a hint to supervisors each time', async () => {
    const quiet = await wallboard({ cookie: supervisor.cookie });
    expect(quiet).toMatchObject({ waitingNow: 0, longestWaitSeconds: 0, answeredToday: 0, abandonedToday: 0 });
    expect(quiet.agentsAvailable).toBe(0);

    const supervising = await connect(supervisor.cookie);
    let hints = 0;
    supervising.on('wallboard:changed', (payload) => {
      expect(payload).toEqual({});
      hints++;
    });
    const agentSocket = await connect(agent.cookie);
    let agentHints = 0;
    agentSocket.on('wallboard:changed', () => agentHints++);
    // Two tabs of one adviser are one adviser.
    await connect(agent.cookie);
    // The supervisor takes chats too: they and the adviser are in.
    expect((await wallboard({ cookie: supervisor.cookie })).agentsAvailable).toBe(2);

    const councilTax = await t.startChat({ topic: 'council-tax', name: 'Ann Resident', email: 'ann@example.com' });
    await expect.poll(() => hints).toBe(1);
    const bins = await t.startChat({ topic: 'bins' });
    await expect.poll(() => hints).toBe(2);
    expect(await wallboard({ cookie: supervisor.cookie })).toMatchObject({ waitingNow: 1, answeredToday: 0 });
    // Administrators and the reports key see every department.
    expect(await wallboard({ cookie: admin.cookie })).toMatchObject({ waitingNow: 2 });
    expect(await wallboard({ bearer: keyToken })).toMatchObject({ waitingNow: 2 });

    const accepted = await agentSocket.emitWithAck('conversation:accept', {
      conversationId: councilTax.conversationId,
    });
    expect(accepted.ok).toBe(true);
    await expect.poll(() => hints).toBe(3);
    expect(await wallboard({ cookie: supervisor.cookie })).toMatchObject({ waitingNow: 0, answeredToday: 1 });

    const resident = await t.visitorSocket(bins.visitorToken);
    expect((await resident.emitWithAck('conversation:end', {})).ok).toBe(true);
    resident.disconnect();
    await expect.poll(() => hints).toBe(4);
    const everything = await wallboard({ cookie: admin.cookie });
    expect(everything).toMatchObject({ waitingNow: 0, answeredToday: 1, abandonedToday: 1 });
    // The supervisor's departments only: the bins chat is another department's.
    expect(await wallboard({ cookie: supervisor.cookie })).toMatchObject({ abandonedToday: 0 });
    expect(findCanaries(JSON.stringify(everything))).toEqual([]);
    // Advisers are not sent the hint.
    expect(agentHints).toBe(0);
  });

  it('is refused to advisers, privacy officers and strangers', async () => {
    for (const auth of [{ cookie: agent.cookie }, { cookie: privacy.cookie }, {}]) {
      const response = await client.call('GET', '/api/reports/wallboard', auth);
      expect([401, 403]).toContain(response.status);
    }
  });
});
