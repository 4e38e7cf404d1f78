import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey, CreatedApiKey } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

describe('integration API keys', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let admin: { cookie: string; id: string };
  let agent: { cookie: string; id: string };
  const request = {
    platform: 'x',
    handle: '@resident',
    request: 'Streetlight out on Elm Road',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    departmentId: 'highways',
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    admin = await api.staff('admin');
    agent = await api.staff('agent');
  });
  afterAll(async () => t?.close());

  it('shows the token once, keeps only its hash, and lists keys without tokens', async () => {
    const created = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'Contact centre CRM', scopes: ['intake'] },
    );
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^ward_key_[A-Za-z0-9_-]{43}$/);
    expect(created.body.apiKey).toMatchObject({
      name: 'Contact centre CRM',
      scopes: ['intake'],
      createdBy: admin.id,
      revokedAt: null,
      tokenPrefix: created.body.token.slice(0, 13),
    });
    const listed = await api.call<{ apiKeys: ApiKey[] }>('GET', '/api/api-keys', { cookie: admin.cookie });
    expect(listed.body.apiKeys.map((k) => k.id)).toContain(created.body.apiKey.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const stored = JSON.stringify(await t.app.db.selectFrom('api_keys').selectAll().execute());
    expect(stored).not.toContain(created.body.token.slice(13));
  });

  it('is for administrators only, and refuses a bad body', async () => {
    expect(
      (await api.call('POST', '/api/api-keys', { cookie: agent.cookie }, { name: 'x', scopes: ['intake'] })).status,
    ).toBe(403);
    expect((await api.call('GET', '/api/api-keys', { cookie: agent.cookie })).status).toBe(403);
    expect((await api.call('GET', '/api/api-keys', {})).status).toBe(401);
    expect(
      (await api.call('POST', '/api/api-keys', { cookie: admin.cookie }, { name: 'x', scopes: ['everything'] })).status,
    ).toBe(400);
    expect((await api.call('POST', '/api/api-keys', { cookie: admin.cookie }, { name: 'x', scopes: [] })).status).toBe(
      400,
    );
    expect(
      (await api.call('POST', '/api/api-keys', { cookie: admin.cookie }, { name: '', scopes: ['intake'] })).status,
    ).toBe(400);
  });

  it('lets a live key with the intake scope call the intake API; a revoked key is refused from then on', async () => {
    const { body } = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'Social media desk', scopes: ['intake'] },
    );
    expect((await api.call('POST', '/api/intake/social-media', { bearer: body.token }, request)).status).toBe(201);
    const revoked = await api.call<{ apiKey: ApiKey }>('POST', `/api/api-keys/${body.apiKey.id}/revoke`, {
      cookie: admin.cookie,
    });
    expect(revoked.body.apiKey.revokedAt).not.toBeNull();
    const before = await t.app.db.selectFrom('cases').select('id').execute();
    const refused = await api.call<{ error: { code: string } }>(
      'POST',
      '/api/intake/social-media',
      { bearer: body.token },
      request,
    );
    expect(refused.status).toBe(401);
    expect(await t.app.db.selectFrom('cases').select('id').execute()).toHaveLength(before.length);
    expect((await api.call('POST', `/api/api-keys/${body.apiKey.id}/revoke`, { cookie: admin.cookie })).status).toBe(
      200,
    );
    expect(
      (await api.call('POST', '/api/api-keys/00000000-0000-4000-8000-000000000000/revoke', { cookie: admin.cookie }))
        .status,
    ).toBe(404);
  });

  it('expires a key after a year unless told otherwise, shows its last use, and refuses it once expired', async () => {
    const create = async (body: Record<string, unknown>) =>
      (await api.call<CreatedApiKey>('POST', '/api/api-keys', { cookie: admin.cookie }, body)).body;
    const yearly = await create({ name: 'Yearly', scopes: ['intake'] });
    const days = (iso: string | null) => (iso ? Math.round((Date.parse(iso) - Date.now()) / 86_400_000) : null);
    expect(days(yearly.apiKey.expiresAt)).toBe(365);
    expect(days((await create({ name: 'Monthly', scopes: ['intake'], expiresInDays: 30 })).apiKey.expiresAt)).toBe(30);
    expect((await create({ name: 'Standing', scopes: ['intake'], expiresInDays: null })).apiKey.expiresAt).toBeNull();
    const odd = await api.call(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      {
        name: 'Odd',
        scopes: ['intake'],
        expiresInDays: 7,
      },
    );
    expect(odd.status).toBe(400);
    expect(yearly.apiKey.lastUsedAt).toBeNull();

    expect((await api.call('POST', '/api/intake/social-media', { bearer: yearly.token }, request)).status).toBe(201);
    const listed = await api.call<{ apiKeys: ApiKey[] }>('GET', '/api/api-keys', { cookie: admin.cookie });
    const used = listed.body.apiKeys.find((key) => key.id === yearly.apiKey.id);
    expect(Date.now() - Date.parse(used?.lastUsedAt ?? '')).toBeLessThan(60_000);

    await t.ownerDb
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', yearly.apiKey.id)
      .execute();
    const before = await t.app.db.selectFrom('cases').select('id').execute();
    const refused = await api.call<{ error: { message: string } }>(
      'POST',
      '/api/intake/social-media',
      { bearer: yearly.token },
      request,
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('This API key has expired: ask for a new one');
    expect(await t.app.db.selectFrom('cases').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses made-up keys, keys on staff routes, and visitor tokens on the intake API', async () => {
    const { body } = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'Another', scopes: ['intake'] },
    );
    expect(
      (await api.call('POST', '/api/intake/social-media', { bearer: `ward_key_${'A'.repeat(43)}` }, request)).status,
    ).toBe(401);
    expect((await api.call('POST', '/api/intake/social-media', { bearer: 'nonsense' }, request)).status).toBe(401);
    const chat = await t.startChat();
    expect((await api.call('POST', '/api/intake/social-media', { bearer: chat.visitorToken }, request)).status).toBe(
      401,
    );
    // A key is not a staff session: it reaches the intake endpoints only.
    expect((await api.call('GET', '/api/cases/mine', { bearer: body.token })).status).toBe(401);
    expect(
      (
        await api.call(
          'POST',
          '/api/intake/contacts',
          { bearer: body.token },
          { channel: 'phone', summary: 'x', departmentId: 'waste' },
        )
      ).status,
    ).toBe(401);
  });

  it('reads where a case stands with the cases:read scope, without personal data, and refuses an intake-only key', async () => {
    const intakeOnly = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'Social intake', scopes: ['intake'] },
    );
    const reader = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'CRM sync', scopes: ['cases:read'] },
    );
    const chat = await t.startChat({ topic: 'council-tax', name: 'Ann Resident', email: 'ann@example.com' });
    const path = `/api/integrations/cases/${chat.caseReference.toLowerCase().replace('-', '')}`;

    const read = await api.call<{ case: Record<string, unknown> }>('GET', path, { bearer: reader.body.token });
    expect(read.status).toBe(200);
    expect(read.body.case).toMatchObject({
      caseReference: chat.caseReference,
      status: 'open',
      channel: 'chat',
      departmentId: 'council-tax',
      closedAt: null,
    });
    expect(JSON.stringify(read.body)).not.toMatch(/Ann|ann@example/);
    // The scope is the key's, not the route's: an intake key may not read, a reading key may not take in.
    expect((await api.call('GET', path, { bearer: intakeOnly.body.token })).status).toBe(403);
    expect((await api.call('POST', '/api/intake/social-media', { bearer: reader.body.token }, request)).status).toBe(
      403,
    );
    expect((await api.call('GET', '/api/integrations/cases/0000-0000', { bearer: reader.body.token })).status).toBe(
      404,
    );
    expect(
      (await api.call('GET', '/api/integrations/cases/not-a-reference', { bearer: reader.body.token })).status,
    ).toBe(400);
  });

  it('refuses a key without the intake scope', async () => {
    // A key stored with a scope this version does not know (e.g. by a later version) is refused here.
    const { body } = await api.call<CreatedApiKey>(
      'POST',
      '/api/api-keys',
      { cookie: admin.cookie },
      { name: 'Narrow', scopes: ['intake'] },
    );
    await sql`ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check`.execute(t.ownerDb);
    await t.app.db
      .updateTable('api_keys')
      .set({ scopes: ['reports'] })
      .where('id', '=', body.apiKey.id)
      .execute();
    const refused = await api.call<{ error: { code: string } }>(
      'POST',
      '/api/intake/social-media',
      { bearer: body.token },
      request,
    );
    expect(refused.status).toBe(403);
  });

  it('documents the key in the OpenAPI document', async () => {
    const document = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security: unknown[] }>>;
    };
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/api/intake/social-media']?.post?.security).toEqual([{ staffSession: [] }, { apiKey: [] }]);
  });
});
