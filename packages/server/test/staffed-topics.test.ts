import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetConfig } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/**
 * Before the resident starts, the widget knows whether someone who works in the chosen topic's
 * department is there to answer (issue 11): console open, available or busy, not away.
 */
describe('the widget says whether a topic’s department is staffed now', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
  });
  afterAll(async () => t?.close());

  const staffedTopics = async () => {
    const response = await fetch(`${t.url}/api/widget/demo/config`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as WidgetConfig;
    return config.topics.filter((topic) => topic.staffed).map((topic) => topic.id);
  };
  const setStatus = async (socket: AgentSocket, status: 'available' | 'busy' | 'away') =>
    expect(await socket.emitWithAck('status:set', { status })).toMatchObject({ ok: true, status });

  it('no with nobody online; yes for their department’s topics while an adviser is available; no once away or gone', async () => {
    // The demo council: Bins and recycling is Waste and recycling's only topic.
    expect(await staffedTopics()).toEqual([]);

    const wasteAdviser = await api.staff('agent', ['waste'], { firstName: 'Wes', lastName: 'Adviser' });
    const socket = await t.agentSocket(wasteAdviser.cookie);
    await setStatus(socket, 'available');
    expect(await staffedTopics()).toEqual(['bins']);

    // Busy: still at their console, answering the chats they have and taking waiting ones by hand.
    await setStatus(socket, 'busy');
    expect(await staffedTopics()).toEqual(['bins']);

    await setStatus(socket, 'away');
    expect(await staffedTopics()).toEqual([]);

    await setStatus(socket, 'available');
    expect(await staffedTopics()).toEqual(['bins']);
    socket.disconnect();
    // Their last tab closing is recorded once every node has been asked: wait for it.
    await expect.poll(staffedTopics).toEqual([]);
  });

  it('an adviser who lists no departments staffs every topic; a privacy officer, who answers no chats, none', async () => {
    const officer = await api.staff('privacy_officer', ['housing'], { firstName: 'Pat', lastName: 'Officer' });
    const officerSocket = await t.agentSocket(officer.cookie);
    await setStatus(officerSocket, 'available');
    expect(await staffedTopics()).toEqual([]);

    const anyone = await api.staff('agent', [], { firstName: 'Ana', lastName: 'Adviser' });
    const socket = await t.agentSocket(anyone.cookie);
    await setStatus(socket, 'available');
    expect(await staffedTopics()).toEqual(['council-tax', 'bins', 'housing', 'domestic-abuse', 'parking', 'other']);
    socket.disconnect();
    officerSocket.disconnect();
    await expect.poll(staffedTopics).toEqual([]);
  });
});
