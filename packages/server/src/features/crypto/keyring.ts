import { randomBytes } from 'node:crypto';
import { open, seal } from './envelope.ts';

export type KeyEncryptionKey = { id: string; key: Buffer };

/**
 * The operator's key-encryption keys (KEKs). The first is the current one: new data keys are
 * wrapped with it. The others still unwrap the data keys wrapped before a rotation.
 */
export class Keyring {
  readonly #keys: Map<string, Buffer>;
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
    return open(this.#key(kekId), wrapped, `data-key:${subjectId}`);
  }

  #key(id: string): Buffer {
    const key = this.#keys.get(id);
    if (!key) throw new Error(`key-encryption key "${id}" is not configured`);
    return key;
  }
}

export const newDataKey = () => randomBytes(32);
