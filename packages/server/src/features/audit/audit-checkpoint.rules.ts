/**
 * Signed checkpoints of the audit trail (ADR 26), pure: what a checkpoint says, the exact bytes
 * that are signed, reading a checkpoint file, and comparing a checkpoint with the chain as it is
 * now. Signing and checking signatures are handed in (Ed25519 in production).
 */

/** One organisation's chain at one moment: it had `count` entries, the last being `headId` with `headHash`. */
export type AuditCheckpoint = {
  organisationId: string;
  /** The organisation's slug, for people reading the file; not trusted when comparing. */
  organisation: string;
  count: number;
  headId: number | null;
  /** Hex; null when the chain was empty. */
  headHash: string | null;
  /** When the checkpoint was taken (ISO 8601). */
  at: string;
};

export type SignedCheckpoint = AuditCheckpoint & { signature: string };

export const checkpointFileFormat = 'ward-audit-checkpoints-v1';

export type CheckpointFile = { format: typeof checkpointFileFormat; checkpoints: SignedCheckpoint[] };

const encoder = new TextEncoder();

/** The bytes signed: every field in one fixed order, JSON-encoded. */
export function checkpointPayload(checkpoint: AuditCheckpoint): Uint8Array {
  return encoder.encode(
    JSON.stringify([
      'ward-audit-checkpoint-v1',
      checkpoint.organisationId,
      checkpoint.organisation,
      checkpoint.count,
      checkpoint.headId,
      checkpoint.headHash,
      checkpoint.at,
    ]),
  );
}

export function signCheckpoint(checkpoint: AuditCheckpoint, sign: (payload: Uint8Array) => string): SignedCheckpoint {
  return { ...checkpoint, signature: sign(checkpointPayload(checkpoint)) };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function readCheckpoint(value: unknown): SignedCheckpoint | null {
  if (!isRecord(value)) return null;
  const { organisationId, organisation, count, headId, headHash, at, signature } = value;
  if (typeof organisationId !== 'string' || typeof organisation !== 'string' || typeof signature !== 'string')
    return null;
  if (!isCount(count) || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  if (count === 0 ? headId !== null || headHash !== null : !isCount(headId) || typeof headHash !== 'string')
    return null;
  if (headHash !== null && !/^[0-9a-f]{64}$/.test(headHash as string)) return null;
  return {
    organisationId,
    organisation,
    count,
    headId: headId as number | null,
    headHash: headHash as string | null,
    at,
    signature,
  };
}

/** Reads a checkpoint file's text; a file that is not one is a problem to report, not a crash. */
export function parseCheckpointFile(
  text: string,
): { ok: true; checkpoints: SignedCheckpoint[] } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not a Ward audit checkpoint file (not JSON)' };
  }
  if (!isRecord(parsed) || parsed.format !== checkpointFileFormat || !Array.isArray(parsed.checkpoints))
    return { ok: false, reason: 'it is not a Ward audit checkpoint file' };
  const checkpoints: SignedCheckpoint[] = [];
  for (const [i, value] of parsed.checkpoints.entries()) {
    const checkpoint = readCheckpoint(value);
    if (!checkpoint) return { ok: false, reason: `its checkpoint ${i + 1} is incomplete or malformed` };
    checkpoints.push(checkpoint);
  }
  return { ok: true, checkpoints };
}

/**
 * Compares a checkpoint (its signature already checked) with the chain as verified now: the chain
 * must still have at least as many entries, and the entry at the checkpoint's count must still be
 * the same one with the same hash. Returns the problem in plain words, or null.
 */
export function compareWithCheckpoint(
  checkpoint: AuditCheckpoint,
  now: { count: number; entryAt: (seq: number) => { id: number; hash: string } | undefined },
): string | null {
  if (checkpoint.count === 0) return null;
  if (now.count < checkpoint.count) {
    const lost = checkpoint.count - now.count;
    return now.count === 0
      ? `the trail is empty, but the checkpoint of ${checkpoint.at} saw ${checkpoint.count} entries: every entry was deleted`
      : `the trail has ${now.count} entries, but the checkpoint of ${checkpoint.at} saw ${checkpoint.count}: ${lost === 1 ? 'the last entry was' : `the last ${lost} entries were`} deleted`;
  }
  const entry = now.entryAt(checkpoint.count);
  if (!entry || entry.hash !== checkpoint.headHash || entry.id !== checkpoint.headId)
    return `entry number ${checkpoint.count} is not the one the checkpoint of ${checkpoint.at} saw (#${checkpoint.headId}): the trail was rewritten`;
  return null;
}
