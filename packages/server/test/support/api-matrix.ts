import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { AgentSocket, TestApp } from './test-app.ts';
import { caseClient } from './case-requests.ts';
import { resident, type Caller, type Fixture, type Operation } from './api-operations.ts';

/**
 * The objects the API operations act on (a Council Tax chat, its case and its customer record),
 * the callers, and how to send an operation as one of them (api-operations.ts says which).
 */
export type Credentials = { cookie?: string; bearer?: string };
export type Matrix = {
  f: Fixture;
  auth: Record<Caller, Credentials>;
  hereSocket: AgentSocket;
  visitorSeq: number;
};

/**
 * The objects and callers: an admin, a privacy officer, an agent and a supervisor in Council Tax,
 * an agent in Housing, a visitor, an API key; and another council's administrator and API key
 * (every scope), made in the database as one deployment serves one council today (tenancy later).
 */
export async function setUpMatrix(t: TestApp): Promise<Matrix> {
  const client = caseClient(t);
  const admin = await client.staff('admin');
  const here = await client.staff('agent', ['council-tax']);
  const elsewhere = await client.staff('agent', ['housing']);
  const supervisor = await client.staff('supervisor', ['council-tax']);
  const privacyOfficer = await client.staff('privacy_officer');
  const colleague = await client.staff('agent', ['parking']);
  const hereEmail = (await client.call<{ staff: { email: string } }>('GET', '/api/auth/me', { cookie: here.cookie }))
    .body.staff.email;
  const key = await client.call<{ token: string }>(
    'POST',
    '/api/api-keys',
    { cookie: admin.cookie },
    {
      name: 'Intake',
      scopes: ['intake', 'cases:read', 'reports'],
    },
  );
  expect(key.status).toBe(201);

  const chat = await t.startChat({ topic: 'council-tax', name: resident.name, email: resident.email });
  const visitor = await t.visitorSocket(chat.visitorToken);
  const sent = await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: resident.message });
  if (!sent.ok) throw new Error('the resident could not write');
  const visitorSeq = sent.message.seq;
  const hereSocket = await t.agentSocket(here.cookie);
  expect((await hereSocket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
  const record = await client.call<{ recordId: string }>(
    'POST',
    '/api/records/from-chat',
    { cookie: here.cookie },
    { conversationId: chat.conversationId },
  );
  const spare = await client.call<{ record: { id: string } }>(
    'POST',
    '/api/records',
    { cookie: admin.cookie },
    {
      details: [{ kind: 'name', name: 'Other Resident' }],
    },
  );
  const view = await client.call<{ record: { details: Array<{ id: string; kind: string }> } }>(
    'GET',
    `/api/records/${record.body.recordId}`,
    { cookie: admin.cookie },
  );
  const lookup = await client.call<{ case: { id: string } }>(
    'POST',
    '/api/cases/lookup',
    { cookie: here.cookie },
    {
      caseReference: chat.caseReference,
    },
  );
  const elsewhereChat = await t.startChat({ topic: 'housing', name: 'Bob Resident', email: 'bob@example.com' });
  const elsewhereSocket = await t.agentSocket(elsewhere.cookie);
  expect(
    (await elsewhereSocket.emitWithAck('conversation:accept', { conversationId: elsewhereChat.conversationId })).ok,
  ).toBe(true);
  elsewhereSocket.disconnect();

  const canned = await client.call<{ cannedReply: { id: string } }>(
    'POST',
    '/api/canned-replies',
    { cookie: admin.cookie },
    { title: 'Payment plans', body: 'You can pay in instalments, {resident first name}.', departmentId: 'council-tax' },
  );
  expect(canned.status).toBe(201);

  const f: Fixture = {
    chat,
    cannedReplyId: canned.body.cannedReply.id,
    caseId: lookup.body.case.id,
    recordId: record.body.recordId,
    spareRecordId: spare.body.record.id,
    detailId: view.body.record.details.find((d) => d.kind === 'name')!.id,
    elsewhereChatId: elsewhereChat.conversationId,
    hereEmail,
    staffIds: { agentElsewhere: elsewhere.id, agentHere: here.id, spare: colleague.id },
  };
  const otherCouncil = await anotherCouncil(t);
  const auth: Record<Caller, Credentials> = {
    anonymous: {},
    visitor: { bearer: chat.visitorToken },
    apiKey: { bearer: key.body.token },
    agentElsewhere: { cookie: elsewhere.cookie },
    agentHere: { cookie: here.cookie },
    supervisorHere: { cookie: supervisor.cookie },
    privacyOfficer: { cookie: privacyOfficer.cookie },
    admin: { cookie: admin.cookie },
    otherCouncil: { cookie: otherCouncil.cookie },
    otherCouncilKey: { bearer: otherCouncil.apiKey },
  };
  return { f, auth, hereSocket, visitorSeq };
}

/** An administrator of another council, signed in, and an API key of that council with every scope. */
async function anotherCouncil(t: TestApp): Promise<{ cookie: string; apiKey: string }> {
  const slug = `other-${randomUUID().slice(0, 8)}`;
  const organisation = await t.ownerDb
    .insertInto('organisations')
    .values({ slug, name: 'Another Council', settings: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const staff = await t.ownerDb
    .insertInto('staff')
    .values({
      organisation_id: organisation.id,
      email: `admin@${slug}.example`,
      first_name: 'Olu',
      last_name: 'Other',
      role: 'admin',
      password_hash: 'not a hash: this account signs in only by the session below',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = randomBytes(32).toString('base64url');
  await t.ownerDb
    .insertInto('staff_sessions')
    .values({
      organisation_id: organisation.id,
      staff_id: staff.id,
      token_hash: createHash('sha256').update(session).digest(),
      expires_at: new Date(Date.now() + 3_600_000),
    })
    .execute();
  const apiKey = `ward_key_${randomBytes(32).toString('base64url')}`;
  await t.ownerDb
    .insertInto('api_keys')
    .values({
      id: randomUUID(),
      organisation_id: organisation.id,
      name: 'Other council',
      token_hash: createHash('sha256').update(apiKey).digest(),
      token_prefix: apiKey.slice(0, 13),
      scopes: ['intake', 'cases:read'],
    })
    .execute();
  return { cookie: `ward_session=${session}`, apiKey };
}

/** The operations the OpenAPI document lists, as `METHOD /path` keys. */
export async function documentedOperations(t: TestApp): Promise<string[]> {
  const document = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** Sends an operation as a caller; `body` replaces the valid body (hostile inputs). */
export async function send(
  t: TestApp,
  m: Matrix,
  operation: string,
  spec: Operation,
  caller: Caller,
  override?: { body?: string; path?: string },
) {
  const { f, auth } = m;
  const [method] = operation.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
  let credentials = auth[caller];
  if (operation === 'POST /api/auth/logout' && credentials.cookie) {
    // A spare session of the same person, so signing out here leaves the others' sessions alone.
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: f.hereEmail, password: 'correct horse battery staple' }),
    });
    credentials = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  }
  const headers: Record<string, string> = { origin: new URL(t.url).origin };
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`;
  const valid = spec.body?.(f, caller);
  const body = override?.body ?? (valid === undefined ? undefined : JSON.stringify(valid));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.url}${override?.path ?? spec.path(f)}`, { method, headers, body });
  return { status: response.status, text: await response.text() };
}

/** How many rows the tables refused calls could touch hold, and the fixture's chat, case and staff as they are. */
export async function changeCount(t: TestApp, f: Fixture) {
  const tables = [
    'cases',
    'case_entries',
    'customer_records',
    'record_details',
    'retention_holds',
    'api_keys',
    'staff_invitations',
    'emails',
    'conversations',
    'staff_mfa',
    'canned_replies',
    'conversation_notes',
  ] as const;
  const count = async (table: (typeof tables)[number]) =>
    Number(
      (
        await t.ownerDb
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(table)])));
  const staff = await t.ownerDb.selectFrom('staff').select(['id', 'departments', 'role']).orderBy('id').execute();
  const chat = await t.ownerDb
    .selectFrom('conversations')
    .select(['status', 'assigned_staff_id', 'summary', 'last_seq'])
    .where('id', '=', f.chat.conversationId)
    .executeTakeFirstOrThrow();
  const caseRow = await t.ownerDb
    .selectFrom('cases')
    .select(['status', 'owner_staff_id', 'department_id', 'record_id'])
    .where('id', '=', f.caseId)
    .executeTakeFirstOrThrow();
  return { counts, staff, chat: { ...chat, summary: chat.summary?.toString('base64') ?? null }, caseRow };
}
