import type { Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { BackupError, restoreBackup, writeBackup } from '../db/backup.ts';
import { migrateAsOwner } from '../db/serving-role.ts';

/** `ward backup --out FILE`: a consistent copy of Ward's data while it serves (db/backup.ts). */
export async function backup(config: Config, out: string): Promise<void> {
  const database = await connectDatabase(config, () => {});
  try {
    const { tables, rows } = await writeBackup(database.connectionString, out);
    console.log(`Backed up ${rows} rows of ${tables} tables to ${out}.`);
    console.log('The keys are not in it: keep the data folder’s keys (or WARD_KEK, WARD_INDEX_KEY, WARD_AUDIT_KEY)');
    console.log('safe apart from the backup; without them the personal data in it cannot be read.');
  } finally {
    await database.stop();
  }
}

/** `ward restore FILE`: into an empty data folder (or database), migrated first; exit 1 if it holds data. */
export async function restore(config: Config, file: string): Promise<number> {
  const database = await connectDatabase(config, () => {});
  try {
    await migrateAsOwner(database.connectionString, config.appDatabaseUrl);
    const { tables, rows } = await restoreBackup(database.connectionString, file);
    console.log(`Restored ${rows} rows of ${tables} tables from ${file}.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`ward: ${error instanceof BackupError ? error.message : `cannot read ${file}`}`);
      return 1;
    }
    throw error;
  } finally {
    await database.stop();
  }
}
