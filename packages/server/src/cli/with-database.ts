import type { Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { createDb, type Db } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Runs a command against the migrated database (embedded or DATABASE_URL), then lets it go. */
export async function withDatabase<T>(config: Config, run: (db: Db) => Promise<T>): Promise<T> {
  const database = await connectDatabase(config, () => {});
  const { db } = createDb(database.connectionString, 2);
  try {
    await migrateToLatest(db);
    return await run(db);
  } finally {
    await db.destroy();
    await database.stop();
  }
}
