import { randomBytes } from 'node:crypto';
import { open, seal } from './envelope.ts';

export type KeyEncryptionKey = { id: string; key: Buffer };

/**
 * The operator's key-encryption keys (KEKs). The first is the current one: new data keys are
 * wrapped with it. The others still unwrap the data keys wrapped before a rotation.
 */
const maxCachedDataKeys = 10_000;

export class Keyring {
  readonly #keys: Map<string, Buffer>;
  /** Unwrapped data keys by subject, for as long as the wrapped form is unchanged. */
  readonly #dataKeys = new Map<string, { kekId: string; wrapped: Buffer; key: Buffer }>();
  readonly currentId: string;

  constructor(keys: readonly KeyEncryptionKey[]) {
    const [current] = keys;
    if (!current) throw new Error('at least one key-encryption key is needed');
    this.#keys = new Map(keys.map((k) => [k.id, k.key]));
    this.currentId = current.id;
  }

  wrap(dataKey: Buffer, subjectId: string): { kekId: string; wrapped: Buffer } {
    return { kekId: this.currentId, wrapped: seal(this.#key(this.currentId), dataKey, `data-key:${subjectId}`) };
  }

  unwrap(kekId: string, wrapped: Buffer, subjectId: string): Buffer {
    const cached = this.#dataKeys.get(subjectId);
    if (cached && cached.kekId === kekId && cached.wrapped.equals(wrapped)) return cached.key;
    const key = open(this.#key(kekId), wrapped, `data-key:${subjectId}`);
    if (this.#dataKeys.size >= maxCachedDataKeys) this.#dataKeys.delete(this.#dataKeys.keys().next().value ?? '');
    this.#dataKeys.set(subjectId, { kekId, wrapped: Buffer.from(wrapped), key });
    return key;
  }

  /**
   * Seals a small secret of Ward's own (a member of staff's TOTP secret) straight under the current
   * KEK, bound to its place; it is not personal data of a resident, so it has no data subject.
   */
  sealSecret(secret: Buffer, place: string): { kekId: string; sealed: Buffer } {
    return { kekId: this.currentId, sealed: seal(this.#key(this.currentId), secret, `secret:${place}`) };
  }

  openSecret(kekId: string, sealed: Buffer, place: string): Buffer {
    return open(this.#key(kekId), sealed, `secret:${place}`);
  }

  #key(id: string): Buffer {
    const key = this.#keys.get(id);
    if (!key) throw new Error(`key-encryption key "${id}" is not configured`);
    return key;
  }
}

export const newDataKey = () => randomBytes(32);
