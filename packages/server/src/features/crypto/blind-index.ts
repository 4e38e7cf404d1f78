import { createHmac } from 'node:crypto';
import type { BlindIndexKind } from './blind-index.rules.ts';

export type { BlindIndexKind };

/** Digest length: 128 bits is plenty to avoid collisions and keeps the index small. */
export const blindIndexLength = 16;

/**
 * A blind index (ADR 13): HMAC-SHA-256 under the index key of `kind:value`, truncated to 16
 * bytes. Equal normalised values give equal digests under one key, so equality search works
 * without storing or comparing plaintext; without the key a digest cannot be checked against a
 * guess. Pass a value already normalised (blind-index.rules.ts).
 */
export function blindIndex(key: Buffer, kind: BlindIndexKind, normalised: string): Buffer {
  return createHmac('sha256', key).update(`${kind}:${normalised}`, 'utf8').digest().subarray(0, blindIndexLength);
}
