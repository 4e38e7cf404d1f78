import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { QueuePosition, VisitorClientEvents, VisitorServerEvents } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

type Resident = { heard: QueuePosition[]; next: (check: (p: QueuePosition) => boolean) => Promise<QueuePosition> };

/** A resident's socket that records every queue notice from the moment it connects. */
async function resident(t: TestApp, token: string): Promise<Resident> {
  const socket = connect(`${t.url}/visitor`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  }) as Socket<VisitorServerEvents, VisitorClientEvents>;
  const heard: QueuePosition[] = [];
  const waiters: Array<{ check: (p: QueuePosition) => boolean; resolve: (p: QueuePosition) => void }> = [];
  socket.on('queue', (position) => {
    heard.push(position);
    for (const waiter of waiters.splice(0))
      if (waiter.check(position)) waiter.resolve(position);
      else waiters.push(waiter);
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
  return {
    heard,
    next: (check) => {
      const already = heard.find(check);
      return already ? Promise.resolve(already) : new Promise((resolve) => waiters.push({ check, resolve }));
    },
  };
}
const sockets: Socket[] = [];

describe("a waiting resident's place in the queue (issue 11)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Waste's last five chats waited two to four minutes before an adviser answered.
    await t.ownerDb
      .insertInto('contact_events')
      .values(
        [120_000, 150_000, 170_000, 200_000, 240_000].map((value) => ({
          organisation_id: t.app.ctx.organisation.id,
          kind: 'chat-assigned',
          channel: 'chat',
          contact_id: crypto.randomUUID(),
          department_id: 'waste',
          topic_id: 'bins',
          value,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t?.close();
  });

  it('tells each resident their place in their own department, and moves them up when a chat is answered', async () => {
    const first = await t.startChat({ topic: 'bins' });
    const second = await t.startChat({ topic: 'bins' });
    const otherDepartment = await t.startChat({ topic: 'council-tax' });

    const secondResident = await resident(t, second.visitorToken);
    expect(await secondResident.next(() => true)).toEqual({ position: 2, waitMinutes: 3 });
    // Council Tax has its own queue, and no history to estimate a wait from.
    const taxResident = await resident(t, otherDepartment.visitorToken);
    expect(await taxResident.next(() => true)).toEqual({ position: 1, waitMinutes: null });

    // Someone queueing behind changes nothing for the resident ahead of them.
    await t.startChat({ topic: 'bins' });
    const agent = await t.agentSocket((await t.signUpStaff()).cookie);
    const accepted = await agent.emitWithAck('conversation:accept', { conversationId: first.conversationId });
    expect(accepted.ok).toBe(true);

    expect(await secondResident.next((p) => p.position === 1)).toMatchObject({ position: 1 });
    // Told again with the same figures at most (the connection's own notice can cross a burst's);
    // the widget announces only a change, so the resident hears 2, then 1.
    const places = secondResident.heard.map((p) => p.position);
    expect(places.filter((place, i) => place !== places[i - 1])).toEqual([2, 1]);
  });
});
