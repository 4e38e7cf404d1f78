import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecordView, RecordSummary, StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { dumpDatabase } from './support/dump-database.ts';

type Reply<T> = { status: number; body: T & { error?: { code: string; message: string } } };

describe('customer records: creating, reading and amending with history', () => {
  let t: TestApp;
  let staff: { cookie: string; id: string };

  const call = async <T = { record: CustomerRecordView }>(
    method: string,
    path: string,
    body?: unknown,
    cookie = staff.cookie,
  ): Promise<Reply<T>> => {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Reply<T>['body'] };
  };
  const create = (details: unknown[]) => call('POST', '/api/records', { details });
  const search = async (query: Record<string, string>) =>
    (await call<{ records: RecordSummary[] }>('POST', '/api/records/search', query)).body.records.map((r) => r.id);
  const counts = async () => ({
    records: (
      await t.app.db
        .selectFrom('customer_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    details: (
      await t.app.db
        .selectFrom('record_details')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    subjects: (
      await t.app.db
        .selectFrom('data_subjects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  });
  const tag = () => randomUUID().slice(0, 8).replace(/\d/g, 'q');

  beforeAll(async () => {
    t = await startTestApp();
    const { cookie } = await t.signUpStaff({ role: 'agent', firstName: 'Priya', lastName: 'Shah' });
    const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).json()) as { staff: StaffMember };
    staff = { cookie, id: me.staff.id };
  });
  afterAll(async () => t?.close());

  it('creates a record with validated, normalised values and opens it', async () => {
    const created = await create([
      { kind: 'name', name: '  Ann   Resident ' },
      {
        kind: 'address',
        lines: ['1 High Street', 'Flat 2'],
        town: 'Exampleton',
        postcode: 'sw1a1aa',
        uprn: '100023336956',
      },
      { kind: 'phone', number: '07700 900123', label: 'mobile' },
      { kind: 'email', address: ' Ann@Example.COM ' },
      { kind: 'contact-preference', preference: 'email' },
      { kind: 'note', text: 'Prefers mornings' },
    ]);
    expect(created.status).toBe(201);
    const { record } = created.body;
    expect(record.details.map((d) => d.value)).toEqual([
      { kind: 'name', name: 'Ann Resident' },
      {
        kind: 'address',
        lines: ['1 High Street', 'Flat 2'],
        town: 'Exampleton',
        postcode: 'SW1A 1AA',
        uprn: '100023336956',
      },
      { kind: 'phone', number: '+447700900123', label: 'mobile' },
      { kind: 'email', address: 'ann@example.com' },
      { kind: 'contact-preference', preference: 'email' },
      { kind: 'note', text: 'Prefers mornings' },
    ]);
    expect(record.createdBy).toEqual({ staffId: staff.id, name: 'Priya Shah' });
    expect(record.timeline).toEqual([]);
    const opened = await call('GET', `/api/records/${record.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.record.details).toEqual(record.details);
  });

  it('refuses hostile or invalid input with a 400 and stores nothing', async () => {
    const before = await counts();
    const name = { kind: 'name', name: 'Valid Name' };
    const refused: [string, unknown][] = [
      ['bad postcode', { details: [name, { kind: 'address', lines: ['1 Road'], postcode: 'NOT A PC' }] }],
      [
        'postcode with a forbidden inward letter',
        { details: [name, { kind: 'address', lines: ['1 Road'], postcode: 'SW1A 1CA' }] },
      ],
      ['bad phone', { details: [name, { kind: 'phone', number: '07700 9001' }] }],
      ['phone with letters', { details: [name, { kind: 'phone', number: '0800 FLOWERS' }] }],
      ['bad email', { details: [name, { kind: 'email', address: 'ann at example' }] }],
      [
        'uprn too long',
        { details: [name, { kind: 'address', lines: ['1 Road'], postcode: 'SW1A 1AA', uprn: '1234567890123' }] },
      ],
      [
        'uprn not digits',
        { details: [name, { kind: 'address', lines: ['1 Road'], postcode: 'SW1A 1AA', uprn: '12AB' }] },
      ],
      ['oversize name', { details: [{ kind: 'name', name: 'x'.repeat(101) }] }],
      ['oversize note', { details: [name, { kind: 'note', text: 'x'.repeat(2001) }] }],
      [
        'too many address lines',
        { details: [name, { kind: 'address', lines: ['a', 'b', 'c', 'd', 'e'], postcode: 'SW1A 1AA' }] },
      ],
      ['unknown field in a detail', { details: [{ kind: 'name', name: 'Valid Name', admin: true }] }],
      ['unknown field in the body', { details: [name], recordId: randomUUID() }],
      ['unknown kind', { details: [name, { kind: 'password', value: 'x' }] }],
      ['no name', { details: [{ kind: 'email', address: 'someone@example.com' }] }],
      ['no details', { details: [] }],
      ['not a list', { details: 'Valid Name' }],
      ['a name with no letters', { details: [{ kind: 'name', name: '12345' }] }],
    ];
    for (const [what, body] of refused) {
      const reply = await call('POST', '/api/records', body);
      expect(reply.status, what).toBe(400);
      expect(reply.body.error?.code, what).toBe('bad_request');
    }
    expect((await call('POST', '/api/records', '{"details": [')).status).toBe(400);
    expect(
      (await call('POST', '/api/records', { details: [name, { kind: 'note', text: 'x'.repeat(70_000) }] })).status,
    ).toBe(413);
    expect((await call('POST', '/api/records', { details: [name] }, '')).status).toBe(401);
    expect(await counts()).toEqual(before);
    // The message says what to fix, never the value typed.
    const reply = await call('POST', '/api/records', {
      details: [name, { kind: 'address', lines: ['1 Road'], postcode: 'ZZ99 9ZZQ' }],
    });
    expect(reply.body.error?.message).toMatch(/postcode/i);
    expect(reply.body.error?.message).not.toContain('ZZ99');
  });

  it('amends a value with history (who, when, why) and search finds only the current value', async () => {
    const id = tag();
    const { record } = (
      await create([
        { kind: 'name', name: `Amy Change${id}` },
        { kind: 'email', address: `old.${id}@example.com` },
      ])
    ).body;
    const email = record.details.find((d) => d.kind === 'email')!;
    expect(await search({ email: `old.${id}@example.com` })).toEqual([record.id]);

    const amended = await call('PUT', `/api/records/${record.id}/details/${email.id}`, {
      value: { kind: 'email', address: `NEW.${id}@example.com` },
      reason: 'Resident told us on the phone',
    });
    expect(amended.status).toBe(200);
    const after = amended.body.record;
    expect(after.details.find((d) => d.kind === 'email')?.value).toEqual({
      kind: 'email',
      address: `new.${id}@example.com`,
    });
    const old = after.history.find((v) => v.id === email.id)!;
    expect(old).toMatchObject({
      status: 'amended',
      changeReason: 'Resident told us on the phone',
      supersededBy: { staffId: staff.id, name: 'Priya Shah' },
    });
    expect(old.supersededAt).not.toBeNull();
    expect(after.history.find((v) => v.replacesId === email.id)).toMatchObject({
      status: 'current',
      createdBy: { staffId: staff.id },
    });

    expect(await search({ email: `old.${id}@example.com` })).toEqual([]);
    expect(await search({ email: `new.${id}@example.com` })).toEqual([record.id]);
    expect(
      await t.app.db.selectFrom('blind_indexes').select('kind').where('record_id', '=', email.id).execute(),
    ).toEqual([]);

    // An amendment needs a reason, the same kind, and a value that is still current.
    const newEmail = after.details.find((d) => d.kind === 'email')!;
    expect(
      (
        await call('PUT', `/api/records/${record.id}/details/${newEmail.id}`, {
          value: { kind: 'email', address: 'x@example.com' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', `/api/records/${record.id}/details/${newEmail.id}`, {
          value: { kind: 'email', address: 'x@example.com' },
          reason: '   ',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', `/api/records/${record.id}/details/${newEmail.id}`, {
          value: { kind: 'name', name: 'Other' },
          reason: 'typo',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', `/api/records/${record.id}/details/${email.id}`, {
          value: { kind: 'email', address: 'x@example.com' },
          reason: 'again',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('PUT', `/api/records/${record.id}/details/${randomUUID()}`, {
          value: { kind: 'email', address: 'x@example.com' },
          reason: 'r',
        })
      ).status,
    ).toBe(404);
  });

  it('adds and removes values; the removed one stays in the history and leaves search; the last name cannot go', async () => {
    const id = tag();
    const { record } = (await create([{ kind: 'name', name: `Rita Remove${id}` }])).body;
    const added = await call('POST', `/api/records/${record.id}/details`, {
      value: { kind: 'phone', number: '+44 20 7946 0123' },
    });
    expect(added.status).toBe(201);
    const phone = added.body.record.details.find((d) => d.kind === 'phone')!;
    expect(phone.value).toEqual({ kind: 'phone', number: '+442079460123', label: null });
    expect(await search({ phone: '020 7946 0123', name: `remove${id}` })).toEqual([record.id]);

    const removed = await call('POST', `/api/records/${record.id}/details/${phone.id}/remove`, {
      reason: 'Number no longer in use',
    });
    expect(removed.status).toBe(200);
    expect(removed.body.record.details.map((d) => d.kind)).toEqual(['name']);
    expect(removed.body.record.history.find((v) => v.id === phone.id)).toMatchObject({
      status: 'removed',
      changeReason: 'Number no longer in use',
    });
    expect(await search({ phone: '020 7946 0123', name: `remove${id}` })).toEqual([]);

    const name = removed.body.record.details[0]!;
    expect(
      (await call('POST', `/api/records/${record.id}/details/${name.id}/remove`, { reason: 'wrong' })).status,
    ).toBe(409);
    expect(
      (await call('POST', `/api/records/${record.id}/details/${phone.id}/remove`, { reason: 'again' })).status,
    ).toBe(409);
    expect(
      (await call('POST', `/api/records/${record.id}/details`, { value: { kind: 'phone', number: 'not a phone' } }))
        .status,
    ).toBe(400);
  });

  it('audits creating, opening and changing a record: who, which record and subject, which fields, never values', async () => {
    const id = tag();
    const { record } = (
      await create([
        { kind: 'name', name: `Audrey Audit${id}` },
        { kind: 'email', address: `audit.${id}@example.com` },
      ])
    ).body;
    const email = record.details.find((d) => d.kind === 'email')!;
    await call('GET', `/api/records/${record.id}`);
    await call('PUT', `/api/records/${record.id}/details/${email.id}`, {
      value: { kind: 'email', address: `audit2.${id}@example.com` },
      reason: `secret reason ${id}`,
    });
    const subject = (
      await t.app.db
        .selectFrom('customer_records')
        .select('data_subject_id')
        .where('id', '=', record.id)
        .executeTakeFirstOrThrow()
    ).data_subject_id;
    const entries = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', record.id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.action, e.record_type, e.actor_id, e.data_subject_id])).toEqual([
      ['create', 'customer-record', staff.id, subject],
      ['read', 'customer-record', staff.id, subject],
      ['update', 'customer-record', staff.id, subject],
      ['read', 'customer-record', staff.id, subject],
    ]);
    expect(entries[0]?.fields).toEqual(['email', 'name']);
    expect(entries[2]).toMatchObject({ fields: ['email'], reason: 'amended email', purpose: 'review-contact' });
    const all = JSON.stringify(await t.app.db.selectFrom('audit_events').selectAll().execute());
    expect(all).not.toContain(id);
  });

  it('keeps no plaintext of a record anywhere in a dump of the database', { timeout: 60_000 }, async () => {
    const canary = {
      name: 'Canaryrecord Qzxvwy',
      line: '77 Qzxvwy Canary Lane',
      town: 'Qzxvwytown',
      email: 'record.canary.qzxvwy@example.com',
      note: 'canary-record-note-qzxvwy',
      reason: 'canary-change-reason-qzxvwy',
      handle: '@canaryqzxvwy',
    };
    const { record } = (
      await create([
        { kind: 'name', name: canary.name },
        { kind: 'address', lines: [canary.line], town: canary.town, postcode: 'M1 1AE' },
        { kind: 'phone', number: '01632 960 482' },
        { kind: 'email', address: canary.email },
        { kind: 'social-handle', platform: 'x', handle: canary.handle },
        { kind: 'note', text: canary.note },
      ])
    ).body;
    const note = record.details.find((d) => d.kind === 'note')!;
    await call('PUT', `/api/records/${record.id}/details/${note.id}`, {
      value: { kind: 'note', text: `${canary.note}-2` },
      reason: canary.reason,
    });
    const opened = (await call('GET', `/api/records/${record.id}`)).body.record;
    expect(opened.history.find((v) => v.id === note.id)?.changeReason).toBe(canary.reason);

    const dump = await dumpDatabase(t.databaseUrl);
    expect(dump.text).toContain(record.id);
    for (const [what, value] of Object.entries({
      ...canary,
      phone: '+441632960482',
      phoneTyped: '01632 960 482',
      postcode: 'M1 1AE',
    })) {
      expect(dump.text.toLowerCase().includes(value.toLowerCase()), `${what} found in the ${dump.how} dump`).toBe(
        false,
      );
    }
  });
});
