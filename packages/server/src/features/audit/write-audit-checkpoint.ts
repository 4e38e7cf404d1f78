import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DbOrTx } from '../../db/client.ts';
import {
  checkpointFileFormat,
  signCheckpoint,
  type CheckpointFile,
  type SignedCheckpoint,
} from './audit-checkpoint.rules.ts';
import { organisationHeads } from './audit.repository.ts';
import type { AuditKeys } from './audit-key.ts';

export const checkpointPublicKeyFile = 'audit-checkpoint-public-key.pem';

export function isCheckpointFileName(name: string): boolean {
  return /^audit-checkpoint-.+\.json$/.test(name);
}

/**
 * Writes a signed checkpoint of every organisation's chain (ADR 26): to `file`, or to a new file
 * in `dir` named after the time. Files are created, never overwritten, and left read-only; the
 * public key that checks them is written beside them once.
 */
export async function writeAuditCheckpoint(
  db: DbOrTx,
  keys: AuditKeys,
  options: { dir: string; file?: string | null; now?: Date },
): Promise<{ file: string; checkpoints: SignedCheckpoint[] }> {
  const at = (options.now ?? new Date()).toISOString();
  const checkpoints = (await organisationHeads(db)).map((o) =>
    signCheckpoint(
      {
        organisationId: o.id,
        organisation: o.slug,
        count: o.head_seq ?? 0,
        headId: o.head_id,
        headHash: o.head_hash ? o.head_hash.toString('hex') : null,
        at,
      },
      keys.sign,
    ),
  );
  const content: CheckpointFile = { format: checkpointFileFormat, checkpoints };
  const file = options.file ?? path.join(options.dir, `audit-checkpoint-${at.replace(/:/g, '-')}.json`);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o444, flag: 'wx' });
  const publicKey = path.join(path.dirname(file), checkpointPublicKeyFile);
  await writeFile(publicKey, keys.publicKeyPem, { mode: 0o444, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error; // written with an earlier checkpoint
  });
  return { file, checkpoints };
}
