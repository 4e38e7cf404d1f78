import type { Config } from '../config.ts';
import { loadKeyring } from '../features/crypto/load-keyring.ts';
import { rotateDataKeys } from '../features/crypto/rotate-keys.ts';
import { resealMfaSecrets } from '../features/staff/reseal-mfa-secrets.ts';
import { withDatabase } from './with-database.ts';

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/** `ward keys rotate`: data keys re-wrapped and staff's TOTP secrets re-sealed under the newest key-encryption key. */
export async function rotateKeys(config: Config): Promise<void> {
  const { keyring } = await loadKeyring({
    kek: config.kek,
    kekFile: config.kekFile,
    dataDir: config.dataDir,
    mustBeConfigured: config.databaseUrl !== null,
  });
  await withDatabase(config, async (db) => {
    const interactive = process.stderr.isTTY;
    const { rewrapped } = await rotateDataKeys(db, keyring, (done, total) => {
      if (interactive) process.stderr.write(`\r${progressBar(done, total)}`);
      else console.error(progressBar(done, total));
    });
    if (interactive) process.stderr.write('\n');
    const resealed = await resealMfaSecrets(db, keyring);
    console.log(`Re-sealed ${resealed} two-step sign-in secrets under "${keyring.currentId}".`);
    console.log(
      `Re-wrapped ${rewrapped} data keys under "${keyring.currentId}". Keys no longer in use can be removed once backups that need them have expired.`,
    );
  });
}
