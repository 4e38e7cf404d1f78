import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db, type Tx } from './client.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * Ward migrates as the role it connects as (DATABASE_URL, or `ward` in the embedded server: the
 * owner of the tables), then serves through a login role that owns nothing (ADR 12): it may read
 * and change Ward's tables, but only read and append to `audit_events`, and only read the
 * migration history (for /readyz). The rights are set again after every migration, so new tables
 * are covered.
 *
 * - WARD_APP_DATABASE_URL: the serving role is the one that URL signs in as (the IT team creates
 *   it); Ward grants its rights.
 * - Otherwise, when the owner may create roles (the embedded server; a superuser or CREATEROLE
 *   owner), Ward creates `<database>_app` with a random password that it keeps in
 *   `ward_serving_role`, a table only the owner can read, so every node and every `ward` command
 *   signs in with the same one.
 * - Otherwise Ward serves as the owner, as before, and warns with the SQL that fixes it.
 */
export type ServingRole =
  | { kind: 'separate'; role: string; connectionString: string }
  /** `suggested`: the serving role's name Ward would create. */
  | { kind: 'owner'; role: string; reason: string; suggested: string };

/** Read and appended to, never changed: the audit trail (ADR 12). */
const appendOnlyTables = ['audit_events', 'erasure_ledger'];
/** Kysely's migration history: read by /readyz, written only by migrations (as the owner). */
const readOnlyTables = ['ward_migrations'];
/** Not for the serving role at all: the migration lock and the serving role's own password. */
const ownerOnlyTables = ['ward_migrations_lock', 'ward_serving_role'];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `<database>_app`, within PostgreSQL's 63-byte names: one per database, as role names are cluster-wide. */
export function servingRoleName(database: string): string {
  let base = database;
  while (Buffer.byteLength(`${base}_app`) > 63) base = base.slice(0, -1);
  return `${base}_app`;
}

/** The SQL an IT team runs to do what Ward does itself when it may create roles. */
export function servingRoleSql(role: string, owner: string): string {
  return [
    `CREATE ROLE ${ident(role)} LOGIN PASSWORD '…';`,
    `GRANT USAGE ON SCHEMA public TO ${ident(role)};`,
    `-- run as ${owner}, then set WARD_APP_DATABASE_URL to sign in as ${role}: Ward grants the rest after each migration`,
  ].join('\n');
}

/** A SCRAM-SHA-256 verifier, so the password itself never reaches the server's statement log. */
function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The owner's connection string signing in as another role instead (query parameters win in pg). */
function signedInAs(connectionString: string, user: string, password: string): string {
  const url = new URL(connectionString);
  url.username = '';
  url.password = '';
  url.searchParams.set('user', user);
  url.searchParams.set('password', password);
  return url.toString();
}

/** Gives `role` exactly the rights above on every table in `public`, taking away any others. */
async function grantServingRights(tx: Tx, role: string): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') ORDER BY c.relname`.execute(tx);
  const all = rows.map((r) => r.name);
  const special = new Set([...appendOnlyTables, ...readOnlyTables, ...ownerOnlyTables]);
  const list = (names: string[]) => names.map((n) => `public.${ident(n)}`).join(', ');
  const r = ident(role);
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
  ];
  if (all.length) statements.push(`REVOKE ALL ON TABLE ${list(all)} FROM ${r}`);
  const changeable = all.filter((n) => !special.has(n));
  if (changeable.length) statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE ${list(changeable)} TO ${r}`);
  const appendOnly = appendOnlyTables.filter((n) => all.includes(n));
  if (appendOnly.length) statements.push(`GRANT SELECT, INSERT ON TABLE ${list(appendOnly)} TO ${r}`);
  const readOnly = readOnlyTables.filter((n) => all.includes(n));
  if (readOnly.length) statements.push(`GRANT SELECT ON TABLE ${list(readOnly)} TO ${r}`);
  // One round trip; no parameters, so pg sends it as one simple query.
  await sql.raw(statements.join(';\n')).execute(tx);
}

/**
 * As the owner, after migrating: makes sure the serving role exists with its rights, and says
 * how to sign in as it. `app`: the role WARD_APP_DATABASE_URL signs in as, when set.
 */
export async function prepareServingRole(
  owner: Db,
  options: { ownerUrl: string; app: { role: string; url: string } | null },
): Promise<ServingRole> {
  const { rows } = await sql<{ owner: string; database: string; may_create_roles: boolean }>`
    SELECT current_user AS owner, current_database() AS database,
           (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS may_create_roles`.execute(
    owner,
  );
  const { owner: ownerRole, database, may_create_roles } = rows[0]!;
  const { app } = options;
  const suggested = servingRoleName(database);
  const asOwner = (reason: string): ServingRole => ({ kind: 'owner', role: ownerRole, reason, suggested });
  if (app?.role === ownerRole)
    return asOwner(`WARD_APP_DATABASE_URL signs in as ${ownerRole}, the owner of the tables`);
  if (!app && !may_create_roles)
    return asOwner(`${ownerRole} may not create roles, and WARD_APP_DATABASE_URL is not set`);
  const role = app?.role ?? suggested;
  try {
    return await owner.transaction().execute(async (tx): Promise<ServingRole> => {
      // One node at a time: roles and grants fail when changed concurrently.
      await sql`SELECT pg_advisory_xact_lock(hashtext('ward:serving-role'))`.execute(tx);
      if (app) {
        await grantServingRights(tx, role);
        return { kind: 'separate', role, connectionString: app.url };
      }
      await sql`CREATE TABLE IF NOT EXISTS ward_serving_role (role_name text PRIMARY KEY, password text NOT NULL)`.execute(
        tx,
      );
      await sql`REVOKE ALL ON ward_serving_role FROM PUBLIC`.execute(tx);
      const stored = await sql<{
        password: string;
      }>`SELECT password FROM ward_serving_role WHERE role_name = ${role}`.execute(tx);
      const password = stored.rows[0]?.password ?? randomBytes(24).toString('base64url');
      const exists = await sql<{ one: number }>`SELECT 1 AS one FROM pg_roles WHERE rolname = ${role}`.execute(tx);
      // Set every time: the role may have been made by hand, or the database restored on another server.
      const verb = exists.rows.length ? 'ALTER' : 'CREATE';
      await sql.raw(`${verb} ROLE ${ident(role)} WITH LOGIN PASSWORD '${scramVerifier(password)}'`).execute(tx);
      await sql`INSERT INTO ward_serving_role (role_name, password) VALUES (${role}, ${password})
                ON CONFLICT (role_name) DO UPDATE SET password = excluded.password`.execute(tx);
      await grantServingRights(tx, role);
      return { kind: 'separate', role, connectionString: signedInAs(options.ownerUrl, role, password) };
    });
  } catch (error) {
    // insufficient_privilege: say so and serve as before rather than refuse to start.
    if ((error as { code?: string }).code !== '42501') throw error;
    return asOwner(`${ownerRole} may not manage the role ${role} (${(error as Error).message})`);
  }
}

async function currentUser(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
    return rows[0]!.user;
  } finally {
    await client.end();
  }
}

/** Applies the migrations as the owner, then prepares the serving role. */
export async function migrateAsOwner(
  ownerUrl: string,
  appDatabaseUrl: string | null,
): Promise<{ applied: string[]; serving: ServingRole }> {
  const app = appDatabaseUrl === null ? null : { role: await currentUser(appDatabaseUrl), url: appDatabaseUrl };
  const { db } = createDb(ownerUrl, 1);
  try {
    const applied = await migrateToLatest(db);
    return { applied, serving: await prepareServingRole(db, { ownerUrl, app }) };
  } finally {
    await db.destroy();
  }
}

/** Why Ward serving as the owner matters, and what to do about it. */
export function ownerWarning(serving: Extract<ServingRole, { kind: 'owner' }>): string {
  return (
    `Ward serves as ${serving.role}, which owns its tables and so could change the audit trail (ADR 12): ${serving.reason}. ` +
    `Give ${serving.role} CREATEROLE so that Ward creates its own serving role, or run:\n${servingRoleSql(serving.suggested, serving.role)}`
  );
}

export type ServingDatabase = { db: Db; pool: pg.Pool; serving: ServingRole; applied: string[] };

/**
 * Migrates as the owner (`ownerUrl`), then opens Ward's pool as the serving role (or as the
 * owner, with `onWarning` told why).
 */
export async function openServingDatabase(
  ownerUrl: string,
  options: { appDatabaseUrl: string | null; maxConnections?: number; onWarning: (message: string) => void },
): Promise<ServingDatabase> {
  const { applied, serving } = await migrateAsOwner(ownerUrl, options.appDatabaseUrl);
  const { db, pool } = createDb(
    serving.kind === 'separate' ? serving.connectionString : ownerUrl,
    options.maxConnections,
  );
  if (serving.kind === 'owner') {
    options.onWarning(ownerWarning(serving));
    return { db, pool, serving, applied };
  }
  try {
    const { rows } = await sql<{ may_change_audit: boolean }>`
      SELECT has_table_privilege('public.audit_events', 'UPDATE') OR has_table_privilege('public.audit_events', 'DELETE')
               OR has_table_privilege('public.audit_events', 'TRUNCATE') AS may_change_audit`.execute(db);
    if (rows[0]!.may_change_audit) {
      options.onWarning(
        `Ward serves as ${serving.role}, which may still change or delete audit_events (a superuser, or a member of the owning role?): ADR 12 wants a role with SELECT and INSERT only on it.`,
      );
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, pool, serving, applied };
}
