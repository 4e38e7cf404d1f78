import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { createTestDatabase } from './support/test-database.ts';
import { recordAudit, systemActor } from '../src/features/audit/record-audit.ts';
import { migrateAsOwner, openServingDatabase, servingRoleName } from '../src/db/serving-role.ts';
import type { Db } from '../src/db/client.ts';

/** What PostgreSQL answers a statement on `db`: 'ok', or the error's SQLSTATE and message. */
const attempt = async (db: Db, statement: string) => {
  try {
    await sql.raw(statement).execute(db);
    return 'ok';
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
};
/** PostgreSQL's wording varies by version (`table` or `relation`). */
const notOwner = /^42501: must be owner of (table|relation) audit_events$/;
const refused = (table: string) => `42501: permission denied for table ${table}`;
const currentUser = async (db: Db) =>
  (await sql<{ user: string }>`SELECT current_user AS user`.execute(db)).rows[0]!.user;

describe("Ward's database role (ADR 12)", () => {
  let t: TestApp;
  const database = () => new URL(t.databaseUrl).pathname.slice(1);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves through its own role, which may read and append to the audit trail and nothing else', async () => {
    expect(await currentUser(t.app.db)).toBe(servingRoleName(database()));
    expect(await currentUser(t.ownerDb)).not.toBe(servingRoleName(database()));
    const chat = await t.startChat();
    await t.app.db.transaction().execute((tx) =>
      recordAudit(tx, {
        organisationId: t.app.ctx.organisation.id,
        actor: systemActor,
        action: 'read',
        purpose: 'rights-request',
        recordType: 'conversation',
        recordId: chat.conversationId,
        fields: ['summary'],
      }),
    );
    const entries = await t.app.db
      .selectFrom('audit_events')
      .select('id')
      .where('record_id', '=', chat.conversationId)
      .execute();
    expect(entries).toHaveLength(1);

    // Refused by the rights, before the append-only trigger is reached.
    expect(await attempt(t.app.db, `UPDATE audit_events SET purpose = 'nothing'`)).toBe(refused('audit_events'));
    expect(await attempt(t.app.db, 'DELETE FROM audit_events')).toBe(refused('audit_events'));
    expect(await attempt(t.app.db, 'TRUNCATE audit_events')).toBe(refused('audit_events'));
    expect(await attempt(t.app.db, 'DROP TRIGGER audit_events_no_change ON audit_events')).toMatch(notOwner);
    expect(await attempt(t.app.db, 'ALTER TABLE audit_events DISABLE TRIGGER ALL')).toMatch(notOwner);
    // The owner meets the trigger instead.
    expect(await attempt(t.ownerDb, 'DELETE FROM audit_events')).toMatch(/audit_events is append-only/);
    expect(
      await t.app.db.selectFrom('audit_events').select('id').where('record_id', '=', chat.conversationId).execute(),
    ).toEqual(entries);

    // Its other tables it reads and changes; the migration history it reads only (for /readyz).
    expect(
      await attempt(t.app.db, `UPDATE conversations SET summary = summary WHERE id = '${chat.conversationId}'`),
    ).toBe('ok');
    expect(await attempt(t.app.db, 'TRUNCATE conversations CASCADE')).toBe(refused('conversations'));
    expect(await attempt(t.app.db, 'SELECT count(*) FROM ward_migrations')).toBe('ok');
    expect(await attempt(t.app.db, 'DELETE FROM ward_migrations')).toBe(refused('ward_migrations'));
    expect(await attempt(t.app.db, 'SELECT * FROM ward_migrations_lock')).toBe(refused('ward_migrations_lock'));
    expect(await attempt(t.app.db, 'SELECT * FROM ward_serving_role')).toBe(refused('ward_serving_role'));
    expect(await attempt(t.app.db, 'CREATE TABLE public.ward_test_intruder (id int)')).toMatch(
      /^42501: permission denied for schema public/,
    );
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('sets the rights again after migrating, so later tables are covered, and keeps one password for every node', async () => {
    await sql`CREATE TABLE ward_test_later (id int)`.execute(t.ownerDb);
    expect(await attempt(t.app.db, 'INSERT INTO ward_test_later VALUES (1)')).toBe(refused('ward_test_later'));
    const first = await migrateAsOwner(t.databaseUrl, null);
    const second = await migrateAsOwner(t.databaseUrl, null);
    expect(first.serving).toMatchObject({ kind: 'separate', role: servingRoleName(database()) });
    expect(second.serving).toEqual(first.serving);
    // A new connection signs in with the same password as before (a node started earlier still can).
    const again = new pg.Client({
      connectionString: second.serving.kind === 'separate' ? second.serving.connectionString : '',
    });
    await again.connect();
    try {
      await again.query('INSERT INTO ward_test_later VALUES (1)');
    } finally {
      await again.end();
    }
    expect(await attempt(t.app.db, 'DELETE FROM ward_test_later')).toBe('ok');
    await sql`DROP TABLE ward_test_later`.execute(t.ownerDb);
  });
});

describe('an owner that may not create roles', () => {
  const suffix = randomBytes(4).toString('hex');
  const ownerRole = `ward_test_owner_${suffix}`;
  const appRole = `ward_test_it_app_${suffix}`;
  const password = randomBytes(12).toString('hex');
  let database: { url: string; drop: () => Promise<void> };
  let admin: pg.Client;
  const as = (role: string) => {
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    return url.toString();
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${ownerRole} LOGIN NOCREATEROLE PASSWORD '${password}'`);
    await admin.query(`CREATE ROLE ${appRole} LOGIN PASSWORD '${password}'`);
    await admin.query(`GRANT CREATE ON SCHEMA public TO ${ownerRole}`);
  });
  afterAll(async () => {
    await admin?.end();
    await database?.drop();
    const cleanup = new pg.Client({ connectionString: new URL('/postgres', database.url).toString() });
    await cleanup.connect();
    await cleanup.query(`DROP ROLE IF EXISTS ${ownerRole}`);
    await cleanup.query(`DROP ROLE IF EXISTS ${appRole}`);
    await cleanup.end();
  });

  it('serves as the owner with a warning naming the SQL, or through the role WARD_APP_DATABASE_URL names', async () => {
    const warnings: string[] = [];
    const asOwner = await openServingDatabase(as(ownerRole), {
      appDatabaseUrl: null,
      onWarning: (w) => warnings.push(w),
    });
    try {
      expect(asOwner.serving).toMatchObject({ kind: 'owner', role: ownerRole });
      expect(await currentUser(asOwner.db)).toBe(ownerRole);
    } finally {
      await asOwner.db.destroy();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${ownerRole} may not create roles, and WARD_APP_DATABASE_URL is not set`);
    expect(warnings[0]).toContain('WARD_APP_DATABASE_URL');
    expect(warnings[0]).toContain(`CREATE ROLE "${servingRoleName(new URL(database.url).pathname.slice(1))}" LOGIN`);

    warnings.length = 0;
    const separate = await openServingDatabase(as(ownerRole), {
      appDatabaseUrl: as(appRole),
      onWarning: (w) => warnings.push(w),
    });
    try {
      expect(separate.serving).toEqual({ kind: 'separate', role: appRole, connectionString: as(appRole) });
      expect(warnings).toEqual([]);
      expect(await currentUser(separate.db)).toBe(appRole);
      expect(await attempt(separate.db, 'SELECT count(*) FROM audit_events')).toBe('ok');
      expect(await attempt(separate.db, 'DELETE FROM audit_events')).toBe(refused('audit_events'));
      expect(await attempt(separate.db, 'SELECT count(*) FROM staff')).toBe('ok');
    } finally {
      await separate.db.destroy();
    }
  });
});

describe('the embedded PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database: 'embedded' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves through ward_app, signing in with its password', async () => {
    expect(await currentUser(t.app.db)).toBe('ward_app');
    expect(await attempt(t.app.db, 'UPDATE audit_events SET purpose = purpose')).toBe(refused('audit_events'));
    await t.startChat();
  });
});
