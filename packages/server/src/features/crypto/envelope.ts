import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * AES-256-GCM with associated data. Layout: version (1) · IV (12) · tag (16) · ciphertext.
 * The associated data names the table, field and row, so a value copied into another row or
 * field does not decrypt.
 */
const version = 1;
const ivLength = 12;
const tagLength = 16;

// Turning raw bytes into a key object costs more than encrypting a message: do it once per key.
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let object = keyObjects.get(key);
  if (!object) {
    object = createSecretKey(key);
    keyObjects.set(key, object);
  }
  return object;
}

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([version]), iv, cipher.getAuthTag(), ciphertext]);
}

export function open(key: Buffer, sealed: Buffer, associatedData: string): Buffer {
  if (sealed.length < 1 + ivLength + tagLength || sealed[0] !== version)
    throw new DecryptionError('not a Ward ciphertext');
  const iv = sealed.subarray(1, 1 + ivLength);
  const tag = sealed.subarray(1 + ivLength, 1 + ivLength + tagLength);
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), iv);
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + ivLength + tagLength)), decipher.final()]);
  } catch {
    throw new DecryptionError('ciphertext does not match its key or its place');
  }
}

export const sealText = (key: Buffer, text: string, associatedData: string) =>
  seal(key, Buffer.from(text, 'utf8'), associatedData);
export const openText = (key: Buffer, sealed: Buffer, associatedData: string) =>
  open(key, sealed, associatedData).toString('utf8');
