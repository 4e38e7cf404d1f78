import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, prepared } from '../src/db/client.ts';
import { createTestDatabase } from './support/test-database.ts';

describe('the database pool', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: ReturnType<typeof createDb>;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = createDb(database.url, 2);
  });
  afterAll(async () => {
    await client.db.destroy();
    await database.drop();
  });

  it('answers plain pool queries, with a promise or a callback, beside named prepared statements', async () => {
    expect((await client.pool.query<{ n: number }>('SELECT 1::int AS n')).rows).toEqual([{ n: 1 }]);
    const viaCallback = await new Promise<number>((resolve, reject) =>
      client.pool.query<{ n: number }>('SELECT $1::int AS n', [2], (error, result) =>
        error ? reject(error) : resolve(result.rows[0]!.n),
      ),
    );
    expect(viaCallback).toBe(2);
    const marked = await sql<{ n: number }>`${prepared('db-client-test')} SELECT ${3}::int AS n`.execute(client.db);
    expect(marked.rows).toEqual([{ n: 3 }]);
  });
});
