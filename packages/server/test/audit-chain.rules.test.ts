import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditActions,
  auditPurposes,
  canonicalForm,
  chainEntries,
  entryHash,
  genesisHash,
  toHex,
  verifyChain,
  microsecondTime,
  type AuditContent,
  type ChainHashes,
  type ChainedEntry,
  type SequencedContent,
} from '../src/features/audit/audit-chain.rules.ts';
import { auditCsv, csvCell } from '../src/features/audit/audit-csv.rules.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();
const hmac = (key: string) => (data: Uint8Array) => createHmac('sha256', key).update(data).digest();
const hashes: ChainHashes = { v1: sha256, v2: hmac('the audit key') };
const wrongKey: ChainHashes = { v1: sha256, v2: hmac('another key') };

const content = (overrides: Partial<AuditContent> = {}): AuditContent => ({
  organisationId: '00000000-0000-4000-8000-000000000001',
  occurredAt: new Date('2026-03-01T10:00:00.123Z'),
  actorKind: 'staff',
  actorId: '00000000-0000-4000-8000-0000000000aa',
  actorRole: 'agent',
  action: 'read',
  dataSubjectId: '00000000-0000-4000-8000-0000000000bb',
  recordType: 'conversation',
  recordId: '00000000-0000-4000-8000-0000000000cc',
  caseReference: '4K7M-9P2X',
  fields: ['visitor_name', 'messages.body'],
  purpose: 'handle-chat',
  reason: null,
  source: '203.0.113.0',
  ...overrides,
});
const v1 = (overrides: Partial<AuditContent> = {}): SequencedContent => ({ ...content(overrides), seq: 1, format: 1 });
const v2 = (overrides: Partial<AuditContent> = {}): SequencedContent => ({ ...content(overrides), seq: 1, format: 2 });

const chain = (contents: AuditContent[], using: ChainHashes = hashes): ChainedEntry[] =>
  chainEntries(using, null, contents).map((e, i) => ({ ...e, id: i + 1 }));

/** A chain of old unkeyed entries, as Ward wrote them before the audit key. */
const unkeyedChain = (contents: AuditContent[]): ChainedEntry[] => {
  let prev = genesisHash;
  return contents.map((c, i) => {
    const entry = { ...c, seq: i + 1, format: 1 as const };
    const hash = entryHash(hashes, prev, entry);
    const chained = { ...entry, id: i + 1, prevHash: prev, hash };
    prev = hash;
    return chained;
  });
};

const arbContent: fc.Arbitrary<AuditContent> = fc.record({
  organisationId: fc.constant('00000000-0000-4000-8000-000000000001'),
  occurredAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
  actorKind: fc.constantFrom('staff' as const, 'system' as const),
  actorId: fc.uuid(),
  actorRole: fc.constantFrom('agent', 'admin', 'system'),
  action: fc.constantFrom(...auditActions),
  dataSubjectId: fc.option(fc.uuid(), { nil: null }),
  recordType: fc.constantFrom('conversation', 'audit_events'),
  recordId: fc.option(fc.uuid(), { nil: null }),
  caseReference: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  fields: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
  purpose: fc.constantFrom(...auditPurposes),
  reason: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  source: fc.string({ maxLength: 20 }),
});

describe('canonical form and hash', () => {
  it('keeps the first format exactly as it shipped', () => {
    expect(canonicalForm(v1())).toBe(
      '["ward-audit-v1","00000000-0000-4000-8000-000000000001","2026-03-01T10:00:00.123Z","staff","00000000-0000-4000-8000-0000000000aa","agent","read","00000000-0000-4000-8000-0000000000bb","conversation","00000000-0000-4000-8000-0000000000cc","4K7M-9P2X",["visitor_name","messages.body"],"handle-chat",null,"203.0.113.0"]',
    );
  });

  it('is stable, numbered, to the microsecond, and separates fields unambiguously in the keyed format', () => {
    expect(canonicalForm(v2())).toBe(canonicalForm(v2()));
    expect(canonicalForm({ ...v2(), seq: 7 })).toBe(
      '["ward-audit-v2","00000000-0000-4000-8000-000000000001",7,"2026-03-01T10:00:00.123000Z","staff","00000000-0000-4000-8000-0000000000aa","agent","read","00000000-0000-4000-8000-0000000000bb","conversation","00000000-0000-4000-8000-0000000000cc","4K7M-9P2X",["visitor_name","messages.body"],"handle-chat",null,"203.0.113.0"]',
    );
    expect(canonicalForm(v2(), '2026-03-01T10:00:00.123400Z')).toContain('"2026-03-01T10:00:00.123400Z"');
    // Moving a character between fields changes the form.
    expect(canonicalForm(v2({ fields: ['a,b'] }))).not.toBe(canonicalForm(v2({ fields: ['a', 'b'] })));
    expect(canonicalForm(v2({ reason: null }))).not.toBe(canonicalForm(v2({ reason: 'null' })));
    expect(microsecondTime(new Date('2026-03-01T10:00:00.123Z'))).toBe('2026-03-01T10:00:00.123000Z');
  });

  it('is plain SHA-256 in the first format and HMAC-SHA-256 with the audit key in the keyed one', () => {
    const prev = new Uint8Array(32).fill(7);
    const plain = createHash('sha256').update(Buffer.from(prev)).update(canonicalForm(v1())).digest();
    expect(toHex(entryHash(hashes, prev, v1()))).toBe(plain.toString('hex'));
    const keyed = createHmac('sha256', 'the audit key').update(Buffer.from(prev)).update(canonicalForm(v2())).digest();
    expect(toHex(entryHash(hashes, prev, v2()))).toBe(keyed.toString('hex'));
    expect(toHex(entryHash(wrongKey, prev, v2()))).not.toBe(keyed.toString('hex'));
    expect(toHex(entryHash(hashes, genesisHash, v2()))).not.toBe(keyed.toString('hex'));
  });

  it('numbers new entries on from the head', () => {
    const [a, b] = chainEntries(hashes, { seq: 41, hash: new Uint8Array(32).fill(1) }, [content(), content()]);
    expect([a!.seq, b!.seq, a!.format]).toEqual([42, 43, 2]);
    expect(b!.prevHash).toEqual(a!.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its count and head', () => {
    const entries = chain([
      content(),
      content({ action: 'update', fields: ['summary'] }),
      content({ actorKind: 'system', actorId: 'system' }),
    ]);
    expect(verifyChain(hashes, entries)).toEqual({
      ok: true,
      count: 3,
      head: { id: 3, seq: 3, hash: entries[2]!.hash, format: 2 },
    });
    expect(verifyChain(hashes, [])).toEqual({ ok: true, count: 0, head: null });
  });

  it('continues from a verified head, page by page', () => {
    const entries = chain([content(), content({ action: 'export' }), content({ action: 'delete' }), content()]);
    const first = verifyChain(hashes, entries.slice(0, 2));
    expect(first.ok).toBe(true);
    expect(verifyChain(hashes, entries.slice(2), first)).toMatchObject({ ok: true, count: 4, head: { id: 4 } });
  });

  it('names the first broken entry and why, in plain words', () => {
    const entries = chain([content(), content({ purpose: 'review-contact' }), content({ action: 'export' })]);
    const edited = entries.map((e) => (e.id === 2 ? { ...e, purpose: 'retention' as const } : e));
    expect(verifyChain(hashes, edited)).toMatchObject({
      ok: false,
      brokenId: 2,
      brokenSeq: 2,
      count: 1,
      reason: expect.stringContaining('its contents do not match its keyed hash'),
    });
    expect(verifyChain(hashes, [entries[0]!, entries[2]!])).toMatchObject({
      ok: false,
      brokenId: 3,
      reason: 'entry number 2 is missing before it (deleted, moved or reordered)',
    });
    expect(verifyChain(hashes, entries.slice(1))).toMatchObject({
      ok: false,
      brokenId: 2,
      reason: expect.stringContaining('missing'),
    });
    const swapped = [entries[0]!, { ...entries[2]!, id: 2 }, { ...entries[1]!, id: 3 }];
    expect(verifyChain(hashes, swapped)).toMatchObject({
      ok: false,
      brokenId: 2,
      reason: expect.stringContaining('missing'),
    });
  });

  it('refuses a chain rehashed with plain SHA-256 or another key', () => {
    expect(verifyChain(hashes, chain([content(), content()], wrongKey))).toMatchObject({
      ok: false,
      brokenId: 1,
      reason: expect.stringContaining('rehashed without the audit key'),
    });
    const downgraded = chain([content(), content()]).map((e, i, all) =>
      i === 1 ? { ...e, format: 1 as const, hash: entryHash(hashes, all[0]!.hash, { ...e, format: 1 }) } : e,
    );
    expect(verifyChain(hashes, downgraded)).toMatchObject({
      ok: false,
      brokenId: 2,
      reason: 'it is in the old unkeyed format after keyed entries: it was forged or rewritten',
    });
  });

  it('accepts old unkeyed entries before the first keyed one, then goes on keyed', () => {
    const old = unkeyedChain([content(), content({ action: 'export' })]);
    const keyed = chainEntries(hashes, { seq: 2, hash: old[1]!.hash }, [content(), content()]).map((e, i) => ({
      ...e,
      id: i + 3,
    }));
    expect(verifyChain(hashes, [...old, ...keyed])).toMatchObject({ ok: true, count: 4, head: { id: 4, seq: 4 } });
  });

  it('sees a time moved by less than a millisecond, in either format', () => {
    const [entry] = chain([content()]);
    expect(verifyChain(hashes, [{ ...entry!, storedTime: '2026-03-01T10:00:00.123000Z' }]).ok).toBe(true);
    expect(verifyChain(hashes, [{ ...entry!, storedTime: '2026-03-01T10:00:00.123400Z' }])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('changed'),
    });
    const [old] = unkeyedChain([content()]);
    expect(verifyChain(hashes, [{ ...old!, storedTime: '2026-03-01T10:00:00.123000Z' }]).ok).toBe(true);
    expect(verifyChain(hashes, [{ ...old!, storedTime: '2026-03-01T10:00:00.123999Z' }])).toMatchObject({
      ok: false,
      reason: 'its time was changed (by less than a millisecond)',
    });
  });

  const arbChain = fc.array(arbContent, { minLength: 2, maxLength: 12 }).map((contents) => chain(contents));

  it('property: every chain built by chainEntries verifies', () => {
    fc.assert(fc.property(arbChain, (entries) => verifyChain(hashes, entries).ok));
  });

  it('property: an edited entry is detected, at that entry', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), fc.string({ minLength: 1, maxLength: 10 }), (entries, at, extra) => {
        const i = at % entries.length;
        const target = entries[i]!;
        const edited = entries.map((e, j) => (j === i ? { ...e, source: e.source + extra } : e));
        const verdict = verifyChain(hashes, edited);
        return !verdict.ok && verdict.brokenId === target.id;
      }),
    );
  });

  it('property: a deleted entry (other than the last) is detected, even with every hash after it redone with the wrong key', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), fc.boolean(), (entries, at, rechain) => {
        const i = at % (entries.length - 1);
        const kept = entries.filter((_, j) => j !== i);
        const tampered = rechain ? chain(kept, wrongKey).map((e, j) => ({ ...e, id: kept[j]!.id })) : kept;
        const verdict = verifyChain(hashes, tampered);
        return !verdict.ok && verdict.brokenId === (rechain ? kept[0]!.id : entries[i + 1]!.id);
      }),
    );
  });

  it('property: an inserted entry (even linked onto its predecessor and numbered in turn) is detected', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), arbContent, (entries, at, forged) => {
        const i = at % (entries.length - 1); // insert after entry i, before entry i + 1
        const prev = entries[i]!;
        const sequenced = { ...forged, seq: prev.seq + 1, format: 2 as const };
        const inserted = {
          ...sequenced,
          id: prev.id + 0.5,
          prevHash: prev.hash,
          hash: entryHash(wrongKey, prev.hash, sequenced),
        };
        const verdict = verifyChain(hashes, [...entries.slice(0, i + 1), inserted, ...entries.slice(i + 1)]);
        return !verdict.ok && verdict.brokenId === inserted.id;
      }),
    );
  });

  it('property: two entries swapped (ids kept in order) are detected', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), fc.nat(), (entries, a, b) => {
        const i = a % entries.length;
        const j = b % entries.length;
        fc.pre(i !== j);
        const [lo, hi] = i < j ? [i, j] : [j, i];
        const reordered = entries.map((e, k) =>
          k === lo ? { ...entries[hi]!, id: e.id } : k === hi ? { ...entries[lo]!, id: e.id } : e,
        );
        const verdict = verifyChain(hashes, reordered);
        return !verdict.ok && verdict.brokenId === entries[lo]!.id;
      }),
    );
  });
});

describe('audit CSV', () => {
  it('quotes every value, doubles quotes and defuses formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(['a', 'b'])).toBe('"a;b"');
    expect(csvCell(42)).toBe('"42"');
  });

  it('has a header row and one line per event', () => {
    const csv = auditCsv([
      {
        id: 1,
        occurredAt: '2026-03-01T10:00:00.000Z',
        actorKind: 'system',
        actorId: 'system',
        actorRole: 'system',
        action: 'delete',
        dataSubjectId: null,
        recordType: 'conversation',
        recordId: null,
        caseReference: '4K7M-9P2X',
        fields: ['summary'],
        purpose: 'retention',
        reason: 'a, "b"',
        source: 'system',
        hash: 'ab',
      },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,occurredAt,actorKind,actorId,actorRole,action,dataSubjectId,recordType,recordId,caseReference,fields,purpose,reason,source,hash',
    );
    expect(lines[1]).toBe(
      '"1","2026-03-01T10:00:00.000Z","system","system","system","delete","","conversation","","4K7M-9P2X","summary","retention","a, ""b""","system","ab"',
    );
    expect(lines[2]).toBe('');
  });
});
