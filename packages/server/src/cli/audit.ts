import path from 'node:path';
import type { Config } from '../config.ts';
import { toHex } from '../features/audit/audit-chain.rules.ts';
import { auditKeysFrom, loadAuditKey, type AuditKeys } from '../features/audit/audit-key.ts';
import { verifyAuditTrail, type AuditVerification } from '../features/audit/verify-audit.ts';
import { checkpointPublicKeyFile, writeAuditCheckpoint } from '../features/audit/write-audit-checkpoint.ts';
import { withDatabase } from './with-database.ts';

/** The key the trail was written with: configured, or the data folder's; never a new one. */
async function auditKeys(config: Config): Promise<AuditKeys> {
  const { key } = await loadAuditKey({
    auditKey: config.auditKey,
    auditKeyFile: config.auditKeyFile,
    dataDir: config.dataDir,
    generate: false,
  });
  return auditKeysFrom(key);
}

/** What `ward audit verify` prints: OK lines for what holds, then every problem, the first first. */
export function describeVerification(result: AuditVerification, checkpointDir: string): string[] {
  const lines: string[] = [];
  for (const { slug, verdict, checkpoints } of result.organisations) {
    if (!verdict.ok) continue;
    const entries = `${verdict.count} ${verdict.count === 1 ? 'entry' : 'entries'}`;
    const head = verdict.head ? `head #${verdict.head.id} ${toHex(verdict.head.hash)}` : 'no entries';
    lines.push(`OK: ${slug}: ${entries} verified, ${head}`);
    if (checkpoints.count > 0)
      lines.push(
        `OK: ${slug}: holds against ${checkpoints.count} signed ${checkpoints.count === 1 ? 'checkpoint' : 'checkpoints'} (the newest of ${checkpoints.newest})`,
      );
  }
  if (result.organisations.length === 0 && result.problems.length === 0)
    lines.push('OK: the audit trail has no entries yet');
  if (result.checkpointFiles.length === 0)
    lines.push(
      `Note: no checkpoints in ${checkpointDir}: entries deleted from the end cannot be seen without one ("ward audit checkpoint" writes one).`,
    );
  for (const problem of result.problems) lines.push(`BROKEN: ${problem}`);
  return lines;
}

/**
 * `ward audit verify [--checkpoint FILE]…`: checks every organisation's keyed chain and every
 * signed checkpoint (the folder's and those named); 0 when intact, 1 with the problems.
 */
export async function auditVerify(config: Config, options: { checkpointFiles: string[] }): Promise<number> {
  const keys = await auditKeys(config);
  return withDatabase(config, async (db) => {
    const result = await verifyAuditTrail(db, keys, {
      checkpointDir: config.auditCheckpointDir,
      checkpointFiles: options.checkpointFiles.map((file) => path.resolve(file)),
    });
    for (const line of describeVerification(result, config.auditCheckpointDir)) console.log(line);
    return result.problems.length === 0 ? 0 : 1;
  });
}

/**
 * `ward audit checkpoint [--out FILE]`: writes a signed checkpoint of every chain's head to the
 * checkpoint folder (or FILE), and prints the heads.
 */
export async function auditCheckpoint(config: Config, options: { out: string | null }): Promise<void> {
  const keys = await auditKeys(config);
  await withDatabase(config, async (db) => {
    const { file, checkpoints } = await writeAuditCheckpoint(db, keys, {
      dir: config.auditCheckpointDir,
      file: options.out ? path.resolve(options.out) : null,
    });
    for (const c of checkpoints)
      console.log(
        c.count === 0
          ? `${c.organisation}: no entries`
          : `${c.organisation}: ${c.count} entries, head #${c.headId} hash ${c.headHash}`,
      );
    console.log(`Signed checkpoint written to ${file}`);
    console.log(
      `Check its signatures with the public key in ${path.join(path.dirname(file), checkpointPublicKeyFile)}`,
    );
  });
}
