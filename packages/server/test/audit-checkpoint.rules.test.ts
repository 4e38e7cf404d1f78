import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointFileFormat,
  checkpointPayload,
  compareWithCheckpoint,
  parseCheckpointFile,
  signCheckpoint,
  type AuditCheckpoint,
} from '../src/features/audit/audit-checkpoint.rules.ts';
import { auditKeysFrom } from '../src/features/audit/audit-key.ts';

const keys = auditKeysFrom(randomBytes(32));
const checkpoint: AuditCheckpoint = {
  organisationId: '00000000-0000-4000-8000-000000000001',
  organisation: 'demo',
  count: 3,
  headId: 17,
  headHash: 'ab'.repeat(32),
  at: '2026-03-01T10:00:00.000Z',
};
const file = (checkpoints: unknown[]) => JSON.stringify({ format: checkpointFileFormat, checkpoints });

describe('signed checkpoints', () => {
  it('sign every field, and an auditor checks them with the public key alone', () => {
    const signed = signCheckpoint(checkpoint, keys.sign);
    expect(keys.verify(checkpointPayload(signed), signed.signature)).toBe(true);
    const publicKey = createPublicKey(keys.publicKeyPem);
    expect(verify(null, checkpointPayload(signed), publicKey, Buffer.from(signed.signature, 'base64'))).toBe(true);
    for (const changed of [
      { count: 2 },
      { headId: 16 },
      { headHash: 'cd'.repeat(32) },
      { at: '2026-03-01T11:00:00.000Z' },
      { organisationId: '00000000-0000-4000-8000-000000000002' },
      { organisation: 'other' },
    ])
      expect(keys.verify(checkpointPayload({ ...signed, ...changed }), signed.signature)).toBe(false);
  });

  it('do not verify with another audit key, or with a signature that is not one', () => {
    const signed = signCheckpoint(checkpoint, keys.sign);
    const other = auditKeysFrom(randomBytes(32));
    expect(other.verify(checkpointPayload(signed), signed.signature)).toBe(false);
    expect(keys.verify(checkpointPayload(signed), 'not a signature')).toBe(false);
    expect(keys.verify(checkpointPayload(signed), '')).toBe(false);
  });

  it('come from the audit key: the same key gives the same public key', () => {
    const key = randomBytes(32);
    expect(auditKeysFrom(key).publicKeyPem).toBe(auditKeysFrom(Buffer.from(key)).publicKeyPem);
    expect(auditKeysFrom(key).publicKeyPem).not.toBe(keys.publicKeyPem);
  });
});

describe('reading a checkpoint file', () => {
  it('reads what Ward writes', () => {
    const signed = signCheckpoint(checkpoint, keys.sign);
    const empty = signCheckpoint({ ...checkpoint, count: 0, headId: null, headHash: null }, keys.sign);
    expect(parseCheckpointFile(file([signed, empty]))).toEqual({ ok: true, checkpoints: [signed, empty] });
  });

  it('says plainly what is wrong with anything else', () => {
    expect(parseCheckpointFile('{')).toEqual({
      ok: false,
      reason: 'it is not a Ward audit checkpoint file (not JSON)',
    });
    expect(parseCheckpointFile('[]')).toMatchObject({ ok: false, reason: 'it is not a Ward audit checkpoint file' });
    expect(parseCheckpointFile(JSON.stringify({ format: 'other', checkpoints: [] }))).toMatchObject({ ok: false });
    const signed = signCheckpoint(checkpoint, keys.sign);
    for (const broken of [
      { ...signed, count: -1 },
      { ...signed, count: 1.5 },
      { ...signed, headHash: 'xyz' },
      { ...signed, headId: null },
      { ...signed, at: 'yesterday' },
      { ...signed, signature: 5 },
      { ...signed, count: 0 },
      'a string',
    ])
      expect(parseCheckpointFile(file([signed, broken]))).toEqual({
        ok: false,
        reason: 'its checkpoint 2 is incomplete or malformed',
      });
  });
});

describe('comparing a checkpoint with the chain now', () => {
  const entryAt = (seq: number) =>
    seq === 3 ? { id: 17, hash: 'ab'.repeat(32) } : { id: seq + 14, hash: '00'.repeat(32) };

  it('holds when the chain still has the entry it saw, with more after it or not', () => {
    expect(compareWithCheckpoint(checkpoint, { count: 3, entryAt })).toBeNull();
    expect(compareWithCheckpoint(checkpoint, { count: 9, entryAt })).toBeNull();
    expect(
      compareWithCheckpoint({ ...checkpoint, count: 0, headId: null, headHash: null }, { count: 0, entryAt }),
    ).toBeNull();
  });

  it('reports entries deleted from the end, and an emptied trail', () => {
    expect(compareWithCheckpoint(checkpoint, { count: 2, entryAt })).toBe(
      'the trail has 2 entries, but the checkpoint of 2026-03-01T10:00:00.000Z saw 3: the last entry was deleted',
    );
    expect(compareWithCheckpoint({ ...checkpoint, count: 5 }, { count: 2, entryAt })).toContain(
      'the last 3 entries were deleted',
    );
    expect(compareWithCheckpoint(checkpoint, { count: 0, entryAt })).toBe(
      'the trail is empty, but the checkpoint of 2026-03-01T10:00:00.000Z saw 3 entries: every entry was deleted',
    );
  });

  it('reports a trail rewritten to the same length', () => {
    expect(compareWithCheckpoint(checkpoint, { count: 3, entryAt: () => ({ id: 17, hash: 'cd'.repeat(32) }) })).toBe(
      'entry number 3 is not the one the checkpoint of 2026-03-01T10:00:00.000Z saw (#17): the trail was rewritten',
    );
    expect(
      compareWithCheckpoint(checkpoint, { count: 3, entryAt: () => ({ id: 18, hash: 'ab'.repeat(32) }) }),
    ).toContain('rewritten');
  });
});
