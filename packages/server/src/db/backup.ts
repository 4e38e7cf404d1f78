import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * `ward backup` / `ward restore` (issue 15): every table of Ward's schema, copied in one
 * repeatable-read snapshot (so the backup is consistent while Ward serves), as PostgreSQL's own
 * COPY text, gzipped. It needs no pg_dump, which the embedded PostgreSQL's package does not ship.
 * The job queue (pg-boss), the migration bookkeeping and the serving role's record (of the database
 * it was taken from) are not copied: a restored Ward migrates
 * itself and schedules its jobs again. The keys in the data folder are not in it either: they are
 * backed up apart from the data, on purpose (README, Keys).
 *
 * Format: a JSON header line; then per table a line `#table <name> <columns as JSON>`, its rows
 * as COPY text (one line each: COPY escapes newlines), and a line `\.`.
 */
const format = 'ward-backup-v1';

type Header = { format: string; createdAt: string; migrations: string[]; tables: string[] };

async function withClient<T>(connectionString: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function tablesAndColumns(client: pg.Client): Promise<Array<{ table: string; columns: string[] }>> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(`
    SELECT c.table_name AS table, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
      AND c.table_name NOT IN ('ward_migrations', 'ward_migrations_lock', 'ward_serving_role')
    GROUP BY c.table_name ORDER BY c.table_name`);
  return rows;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function writeBackup(connectionString: string, file: string): Promise<{ tables: number; rows: number }> {
  return withClient(connectionString, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesAndColumns(client);
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM ward_migrations ORDER BY name')
    ).rows.map((r) => r.name);
    const out = new PassThrough();
    const written = pipeline(out, createGzip(), createWriteStream(file, { mode: 0o600 }));
    const header: Header = {
      format,
      createdAt: new Date().toISOString(),
      migrations,
      tables: tables.map((t) => t.table),
    };
    out.write(`${JSON.stringify(header)}\n`);
    let rows = 0;
    for (const { table, columns } of tables) {
      out.write(`#table ${table} ${JSON.stringify(columns)}\n`);
      const copy = client.query(copyTo(`COPY ${quoted(table)} (${columns.map(quoted).join(', ')}) TO STDOUT`));
      for await (const chunk of copy) {
        rows += (chunk as Buffer).toString('utf8').split('\n').length - 1;
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.write('\\.\n');
    }
    out.end();
    await written;
    await client.query('COMMIT');
    return { tables: tables.length, rows };
  });
}

export class BackupError extends Error {}

/**
 * Restores a backup into a migrated database that holds no data yet. Needs a superuser connection
 * (the embedded PostgreSQL's is one): triggers, the audit trail's append-only guard and foreign
 * keys among them, are off while the rows go back exactly as they were; sequences then continue.
 */
export async function restoreBackup(connectionString: string, file: string): Promise<{ tables: number; rows: number }> {
  return withClient(connectionString, async (client) => {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    const iterator = lines[Symbol.asyncIterator]();
    const first = await iterator.next().catch(() => ({ done: true, value: '' }));
    let header: Header;
    try {
      header = JSON.parse(String(first.value)) as Header;
    } catch {
      throw new BackupError('This file is not a Ward backup');
    }
    if (header.format !== format) throw new BackupError('This file is not a Ward backup (or is from another version)');
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM ward_migrations ORDER BY name')
    ).rows.map((r) => r.name);
    if (header.migrations.some((name) => !migrations.includes(name)))
      throw new BackupError('This backup comes from a newer Ward: restore it with that version or later');
    const { rows: held } = await client.query<{ n: string }>('SELECT count(*) AS n FROM organisations');
    if (Number(held[0]?.n ?? 0) > 0)
      throw new BackupError('This database already holds Ward data: restore into an empty data folder or database');

    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      let tables = 0;
      let rows = 0;
      for (let line = await iterator.next(); !line.done; line = await iterator.next()) {
        const match = /^#table (\S+) (.+)$/.exec(line.value);
        if (!match) throw new BackupError('This backup is damaged (a table section is missing)');
        const [, table, columnsJson] = match as unknown as [string, string, string];
        const columns = JSON.parse(columnsJson) as string[];
        const copy = client.query(copyFrom(`COPY ${quoted(table)} (${columns.map(quoted).join(', ')}) FROM STDIN`));
        const done = new Promise<void>((resolve, reject) => {
          copy.once('finish', resolve);
          copy.once('error', reject);
        });
        for (let row = await iterator.next(); ; row = await iterator.next()) {
          if (row.done) throw new BackupError('This backup is damaged (it ends inside a table)');
          if (row.value === '\\.') break;
          rows++;
          if (!copy.write(`${row.value}\n`)) await once(copy, 'drain');
        }
        copy.end();
        await done;
        tables++;
      }
      // Every serial column continues after the highest value restored.
      await client.query(`
        DO $$ DECLARE c record; BEGIN
          FOR c IN SELECT table_name, column_name FROM information_schema.columns
                   WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES') LOOP
            EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE(max(%I), 0) + 1, false) FROM %I',
                           c.table_name, c.column_name, c.column_name, c.table_name);
          END LOOP;
        END $$`);
      await client.query('COMMIT');
      return { tables, rows };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}
