import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, restoreBackup, writeBackup } from '../src/db/backup.ts';
import { migrateAsOwner } from '../src/db/serving-role.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { createTestDatabase } from './support/test-database.ts';

/** Each table of Ward's schema with a digest of all its rows, to compare two databases exactly. */
async function fingerprint(connectionString: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'
         AND tablename NOT IN ('ward_migrations', 'ward_migrations_lock', 'ward_serving_role') ORDER BY tablename`,
      )
    ).rows.map((r) => r.name);
    const result: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ n: string; digest: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
      );
      result[table] = `${rows[0]!.n}:${rows[0]!.digest ?? ''}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('ward backup and ward restore', () => {
  let t: TestApp;
  let target: Awaited<ReturnType<typeof createTestDatabase>>;
  let folder: string;
  beforeAll(async () => {
    t = await startTestApp();
    target = await createTestDatabase();
    folder = await mkdtemp(path.join(os.tmpdir(), 'ward-backup-'));
  });
  afterAll(async () => {
    await t?.close();
    await target?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'restores, into an empty database, exactly what there was when the backup was taken',
    { timeout: 120_000 },
    async () => {
      const admin = await t.signUpStaff({ role: 'admin' });
      const chat = await t.startChat({ name: 'Ann Resident', email: 'ann@example.com', topic: 'council-tax' });
      const visitor = await t.visitorSocket(chat.visitorToken);
      await visitor.emitWithAck('message:send', {
        clientMessageId: randomUUID(),
        body: 'A line\nand another, with a tab\t',
      });
      visitor.disconnect();
      // An administrator reads the chat: an entry in the audit trail.
      const read = await fetch(`${t.url}/api/conversations/${chat.conversationId}`, {
        headers: { cookie: admin.cookie },
      });
      expect(read.status).toBe(200);
      const file = path.join(folder, 'ward.backup');
      const before = await fingerprint(t.databaseUrl);
      const written = await writeBackup(t.databaseUrl, file);
      expect(written.rows).toBeGreaterThan(0);

      // Ward goes on after the backup: what happens now is not in it.
      await t.startChat({ name: 'Bob Resident', topic: 'bins' });
      expect(await fingerprint(t.databaseUrl)).not.toEqual(before);

      await migrateAsOwner(target.url, null);
      const restored = await restoreBackup(target.url, file);
      expect(restored.rows).toBe(written.rows);
      expect(await fingerprint(target.url)).toEqual(before);

      // Serial ids continue after the restored ones.
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        const serials = (
          await client.query<{ table: string; column: string }>(
            `SELECT table_name AS table, column_name AS column FROM information_schema.columns
             WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
          )
        ).rows;
        expect(serials.map((s) => s.table)).toContain('audit_events');
        for (const { table, column } of serials) {
          const { rows } = await client.query<{ next: string; max: string | null }>(
            `SELECT nextval(pg_get_serial_sequence('"${table}"', '${column}')) AS next,
                    (SELECT max("${column}") FROM "${table}") AS max`,
          );
          expect(Number(rows[0]!.next), `${table}.${column}`).toBeGreaterThan(Number(rows[0]!.max ?? 0));
        }
        const audited = await client.query<{ n: string }>('SELECT count(*) AS n FROM audit_events');
        expect(Number(audited.rows[0]!.n)).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    },
  );

  it('refuses a database that already holds Ward data, and a file that is not a backup, changing nothing', async () => {
    const file = path.join(folder, 'ward.backup');
    const before = await fingerprint(target.url);
    await expect(restoreBackup(target.url, file)).rejects.toThrow(
      new BackupError('This database already holds Ward data: restore into an empty data folder or database'),
    );
    const notABackup = path.join(folder, 'notes.txt');
    await writeFile(notABackup, 'hello');
    await expect(restoreBackup(target.url, notABackup)).rejects.toThrow(BackupError);
    expect(await fingerprint(target.url)).toEqual(before);
  });
});
