import { Kysely, PostgresDialect, sql, type RawBuilder, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repository functions take either the database or an open transaction. */
export type DbOrTx = Db | Tx;

// Timestamps come back as Date; bigint counts as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const preparedMarker = /^\/\* ward:prepare ([a-z0-9-]{1,40}) \*\//;

/**
 * Put first in a hot statement whose text never changes (arrays, not lists, for its values): it
 * is then sent as a named prepared statement, parsed and planned once per connection.
 */
export const prepared = (name: string): RawBuilder<unknown> => sql.raw(`/* ward:prepare ${name} */`);

/** Sends statements marked with `prepared(name)` as named prepared statements (see above). */
function namePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // Every other form of call (a callback, a config object) passes through untouched.
  client.query = ((config: unknown, ...rest: unknown[]) => {
    const [values] = rest;
    const name = typeof config === 'string' && Array.isArray(values) ? preparedMarker.exec(config)?.[1] : undefined;
    return name ? query({ name, text: config, values }, ...rest.slice(1)) : query(config, ...rest);
  }) as typeof client.query;
}

export function createDb(connectionString: string, maxConnections = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // A connection that loses its server (restart, failover) must not crash the process: idle
  // ones report to the pool, busy ones to their own client, and the query in flight fails.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    namePreparedStatements(client);
  });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
