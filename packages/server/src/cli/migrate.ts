import type { Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { createDb } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function migrate(config: Config): Promise<void> {
  const database = await connectDatabase(config, () => {});
  const { db } = createDb(database.connectionString, 1);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.destroy();
    await database.stop();
  }
}
