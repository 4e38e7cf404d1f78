import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DecryptionError, open, seal } from '../src/features/crypto/envelope.ts';
import { Keyring } from '../src/features/crypto/keyring.ts';

const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));
const place = fc
  .tuple(fc.constantFrom('conversations.visitor_name', 'messages.body'), fc.uuid())
  .map(([field, id]) => `${field}:${id}`);

describe('AES-256-GCM envelopes', () => {
  it('give back exactly what went in, for any input', () => {
    fc.assert(
      fc.property(key, fc.uint8Array({ maxLength: 2000 }), place, (k, data, where) => {
        expect(open(k, seal(k, Buffer.from(data), where), where)).toEqual(Buffer.from(data));
      }),
    );
  });

  it('refuse a ciphertext moved to another row or field', () => {
    fc.assert(
      fc.property(key, fc.string(), place, place, (k, text, from, to) => {
        fc.pre(from !== to);
        expect(() => open(k, seal(k, Buffer.from(text), from), to)).toThrow(DecryptionError);
      }),
    );
  });

  it('refuse the wrong key and any altered byte', () => {
    fc.assert(
      fc.property(key, key, fc.string({ minLength: 1 }), fc.nat(), (k1, k2, text, at) => {
        fc.pre(!k1.equals(k2));
        const sealed = seal(k1, Buffer.from(text), 'here');
        expect(() => open(k2, sealed, 'here')).toThrow(DecryptionError);
        const altered = Buffer.from(sealed);
        const i = 1 + (at % (altered.length - 1));
        altered[i] = (altered[i] ?? 0) ^ 0x01;
        expect(() => open(k1, altered, 'here')).toThrow(DecryptionError);
      }),
    );
  });

  it('never repeat a ciphertext for the same input', () => {
    const k = randomBytes(32);
    expect(seal(k, Buffer.from('same'), 'x').equals(seal(k, Buffer.from('same'), 'x'))).toBe(false);
  });
});

describe('key-encryption keys', () => {
  it('wrap with the newest key and still unwrap with older ones', () => {
    const older = { id: 'old', key: randomBytes(32) };
    const newer = { id: 'new', key: randomBytes(32) };
    const dataKey = randomBytes(32);
    const before = new Keyring([older]).wrap(dataKey, 'subject-1');
    const both = new Keyring([newer, older]);
    expect(both.unwrap(before.kekId, before.wrapped, 'subject-1')).toEqual(dataKey);
    expect(both.wrap(dataKey, 'subject-1').kekId).toBe('new');
    expect(() => both.unwrap(before.kekId, before.wrapped, 'subject-2')).toThrow(DecryptionError);
    expect(() => new Keyring([newer]).unwrap(before.kekId, before.wrapped, 'subject-1')).toThrow(
      /"old" is not configured/,
    );
  });
});

describe('Ward’s own secrets under the key-encryption key (two-step sign-in, ADR 22)', () => {
  it('open with the key they were sealed under, at their own place only, after a rotation too', () => {
    const old = { id: 'old', key: randomBytes(32) };
    const before = new Keyring([old]);
    const secret = Buffer.from('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    const { kekId, sealed } = before.sealSecret(secret, 'staff_mfa.sealed_secret:a');
    expect(kekId).toBe('old');
    expect(sealed.includes(secret)).toBe(false);
    expect(before.openSecret(kekId, sealed, 'staff_mfa.sealed_secret:a')).toEqual(secret);
    expect(() => before.openSecret(kekId, sealed, 'staff_mfa.sealed_secret:b')).toThrow(DecryptionError);
    // A data key's place is not a secret's: one cannot stand in for the other.
    expect(() => before.unwrap(kekId, sealed, 'staff_mfa.sealed_secret:a')).toThrow(DecryptionError);
    const after = new Keyring([{ id: 'new', key: randomBytes(32) }, old]);
    expect(after.openSecret(kekId, sealed, 'staff_mfa.sealed_secret:a')).toEqual(secret);
    expect(after.sealSecret(secret, 'staff_mfa.sealed_secret:a').kekId).toBe('new');
  });
});
