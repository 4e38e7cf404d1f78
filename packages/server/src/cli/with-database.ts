import type { Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import type { Db } from '../db/client.ts';
import { openServingDatabase } from '../db/serving-role.ts';

/**
 * Runs a command against the migrated database (embedded or DATABASE_URL), then lets it go. The
 * command gets Ward's serving role, as `ward serve` does: it reads and changes data and appends to
 * the audit trail, and can do nothing else to it (ADR 12).
 */
export async function withDatabase<T>(config: Config, run: (db: Db) => Promise<T>): Promise<T> {
  const database = await connectDatabase(config, () => {});
  try {
    const { db } = await openServingDatabase(database.connectionString, {
      appDatabaseUrl: config.appDatabaseUrl,
      maxConnections: 2,
      onWarning: (message) => console.error(`ward: warning: ${message}`),
    });
    try {
      return await run(db);
    } finally {
      await db.destroy();
    }
  } finally {
    await database.stop();
  }
}
