import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * Everything stored in a database as text: pg_dump when this machine's pg_dump can dump the
 * server, otherwise every row of every table read as text (the same content, for a search).
 */
export async function dumpDatabase(url: string): Promise<{ text: string; how: 'pg_dump' | 'sql' }> {
  try {
    const { stdout } = await promisify(execFile)('pg_dump', ['--no-owner', url], { maxBuffer: 256 * 1024 * 1024 });
    return { text: stdout, how: 'pg_dump' };
  } catch {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      const parts: string[] = [];
      for (const { schema, name } of tables.rows) {
        const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
        parts.push(`-- ${schema}.${name}`, ...rows.rows.map((r) => r.row));
      }
      return { text: parts.join('\n'), how: 'sql' };
    } finally {
      await client.end();
    }
  }
}
