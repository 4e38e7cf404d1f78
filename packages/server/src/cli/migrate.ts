import type { Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateAsOwner, ownerWarning } from '../db/serving-role.ts';

/** `ward migrate`: the migrations, then the serving role's rights (ADR 12), as the owner. */
export async function migrate(config: Config): Promise<void> {
  const database = await connectDatabase(config, () => {});
  try {
    const { applied, serving } = await migrateAsOwner(database.connectionString, config.appDatabaseUrl);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
    if (serving.kind === 'separate')
      console.log(`Ward serves as the database role ${serving.role}: SELECT and INSERT only on audit_events.`);
    else console.error(`ward: warning: ${ownerWarning(serving)}`);
  } finally {
    await database.stop();
  }
}
