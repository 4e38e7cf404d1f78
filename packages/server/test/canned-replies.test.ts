import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPlaceholders, type CannedReply } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/** Issue 11: canned replies, an agent's own and a department's, each managed only by those allowed. */
describe('canned replies', () => {
  let t: TestApp;
  let client: ReturnType<typeof caseClient>;
  let taxAgent: { cookie: string; id: string };
  let housingAgent: { cookie: string; id: string };
  let taxSupervisor: { cookie: string; id: string };
  let admin: { cookie: string; id: string };

  beforeAll(async () => {
    t = await startTestApp();
    client = caseClient(t);
    taxAgent = await client.staff('agent', ['council-tax'], { firstName: 'Tara' });
    housingAgent = await client.staff('agent', ['housing']);
    taxSupervisor = await client.staff('supervisor', ['council-tax']);
    admin = await client.staff('admin');
  });
  afterAll(() => t?.close());

  const list = async (who: { cookie: string }) =>
    (await client.call<{ cannedReplies: CannedReply[] }>('GET', '/api/canned-replies', who)).body.cannedReplies;
  const create = (who: { cookie: string }, body: object) =>
    client.call<{ cannedReply: CannedReply }>('POST', '/api/canned-replies', who, body);

  it('keeps an agent’s own replies to themselves', async () => {
    const mine = await create(taxAgent, {
      title: 'Greeting',
      body: 'Hello {resident first name}, I am {agent first name}.',
    });
    expect(mine.status).toBe(201);
    expect(mine.body.cannedReply).toMatchObject({ departmentId: null, editable: true });
    expect((await list(taxAgent)).map((r) => r.title)).toContain('Greeting');
    expect((await list(housingAgent)).map((r) => r.title)).not.toContain('Greeting');
    // Someone else's own reply is not there for them to change or delete, not even for an administrator.
    const id = mine.body.cannedReply.id;
    const body = { title: 'Mine now', body: 'x' };
    expect((await client.call('PUT', `/api/canned-replies/${id}`, housingAgent, body)).status).toBe(404);
    expect((await client.call('DELETE', `/api/canned-replies/${id}`, admin)).status).toBe(404);
    const changed = await client.call<{ cannedReply: CannedReply }>('PUT', `/api/canned-replies/${id}`, taxAgent, {
      title: 'Greeting',
      body: 'Hi {resident first name}, this is {agent first name} from the council.',
    });
    expect(changed.status).toBe(200);
    // What the composer inserts for Ann Resident's chat.
    expect(
      fillPlaceholders(changed.body.cannedReply.body, {
        'resident first name': 'Ann',
        'case reference': '4K7M-9P2X',
        'agent first name': 'Tara',
      }),
    ).toBe('Hi Ann, this is Tara from the council.');
    expect((await client.call('DELETE', `/api/canned-replies/${id}`, taxAgent)).status).toBe(204);
    expect((await list(taxAgent)).map((r) => r.title)).not.toContain('Greeting');
  });

  it('lets the department’s supervisor and administrators manage its replies, which its agents use', async () => {
    const refused = await create(taxAgent, { title: 'Bands', body: 'Bands A to H', departmentId: 'council-tax' });
    expect(refused.status).toBe(403);
    const elsewhere = await create(taxSupervisor, { title: 'Bins', body: 'Bins', departmentId: 'waste' });
    expect(elsewhere.status).toBe(403);
    const unknown = await create(admin, { title: 'Parks', body: 'Parks', departmentId: 'parks' });
    expect(unknown.status).toBe(400);
    const made = await create(taxSupervisor, { title: 'Bands', body: 'Bands A to H', departmentId: 'council-tax' });
    expect(made.status).toBe(201);
    const id = made.body.cannedReply.id;
    expect((await list(taxAgent)).find((r) => r.id === id)).toMatchObject({ editable: false });
    expect((await list(admin)).find((r) => r.id === id)).toMatchObject({ editable: true });
    expect((await list(housingAgent)).some((r) => r.id === id)).toBe(false);
    expect((await client.call('PUT', `/api/canned-replies/${id}`, taxAgent, { title: 'x', body: 'x' })).status).toBe(
      403,
    );
    expect((await client.call('DELETE', `/api/canned-replies/${id}`, housingAgent)).status).toBe(404);
    expect((await client.call('DELETE', `/api/canned-replies/${id}`, admin)).status).toBe(204);
  });

  it('removes card numbers from a reply, and refuses an empty one with a clear message', async () => {
    const made = await create(taxAgent, { title: 'Card', body: 'Pay with 4111 1111 1111 1111' });
    expect(made.body.cannedReply.body).not.toContain('4111 1111');
    const empty = await create(taxAgent, { title: ' ', body: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Enter a title');
  });
});
