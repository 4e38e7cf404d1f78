import { createHash } from 'node:crypto';
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
  type AuditContent,
  type ChainedEntry,
} from '../src/features/audit/audit-chain.rules.ts';
import { auditCsv, csvCell } from '../src/features/audit/audit-csv.rules.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

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

const chain = (contents: AuditContent[]): ChainedEntry[] =>
  chainEntries(sha256, genesisHash, contents).map((e, i) => ({ ...e, id: i + 1 }));

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
  it('is stable, ordered, and separates fields unambiguously', () => {
    expect(canonicalForm(content())).toBe(canonicalForm(content()));
    expect(canonicalForm(content())).toBe(
      '["ward-audit-v1","00000000-0000-4000-8000-000000000001","2026-03-01T10:00:00.123Z","staff","00000000-0000-4000-8000-0000000000aa","agent","read","00000000-0000-4000-8000-0000000000bb","conversation","00000000-0000-4000-8000-0000000000cc","4K7M-9P2X",["visitor_name","messages.body"],"handle-chat",null,"203.0.113.0"]',
    );
    // Moving a character between fields changes the form.
    expect(canonicalForm(content({ fields: ['a,b'] }))).not.toBe(canonicalForm(content({ fields: ['a', 'b'] })));
    expect(canonicalForm(content({ reason: null }))).not.toBe(canonicalForm(content({ reason: 'null' })));
  });

  it('is SHA-256 over the previous hash and the canonical form', () => {
    const prev = new Uint8Array(32).fill(7);
    const expected = createHash('sha256').update(Buffer.from(prev)).update(canonicalForm(content())).digest();
    expect(toHex(entryHash(sha256, prev, content()))).toBe(expected.toString('hex'));
    expect(toHex(entryHash(sha256, genesisHash, content()))).not.toBe(expected.toString('hex'));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its count and head', () => {
    const entries = chain([
      content(),
      content({ action: 'update', fields: ['summary'] }),
      content({ actorKind: 'system', actorId: 'system' }),
    ]);
    expect(verifyChain(sha256, entries)).toEqual({ ok: true, count: 3, head: { id: 3, hash: entries[2]!.hash } });
    expect(verifyChain(sha256, [])).toEqual({ ok: true, count: 0, head: null });
  });

  it('continues from a verified head, page by page', () => {
    const entries = chain([content(), content({ action: 'export' }), content({ action: 'delete' }), content()]);
    const first = verifyChain(sha256, entries.slice(0, 2));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyChain(sha256, entries.slice(2), first)).toMatchObject({ ok: true, count: 4, head: { id: 4 } });
  });

  it('names the first broken entry and why', () => {
    const entries = chain([content(), content({ purpose: 'review-contact' }), content({ action: 'export' })]);
    const edited = entries.map((e) => (e.id === 2 ? { ...e, purpose: 'retention' as const } : e));
    expect(verifyChain(sha256, edited)).toMatchObject({
      ok: false,
      brokenId: 2,
      count: 1,
      reason: expect.stringContaining('changed'),
    });
    expect(verifyChain(sha256, [entries[0]!, entries[2]!])).toMatchObject({
      ok: false,
      brokenId: 3,
      reason: expect.stringContaining('deleted'),
    });
    const swapped = [entries[0]!, { ...entries[2]!, id: 2 }, { ...entries[1]!, id: 3 }];
    expect(verifyChain(sha256, swapped)).toMatchObject({ ok: false, brokenId: 2 });
  });

  const arbChain = fc.array(arbContent, { minLength: 2, maxLength: 12 }).map(chain);

  it('property: every chain built by chainEntries verifies', () => {
    fc.assert(fc.property(arbChain, (entries) => verifyChain(sha256, entries).ok));
  });

  it('property: an edited entry is detected, at that entry', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), fc.string({ minLength: 1, maxLength: 10 }), (entries, at, extra) => {
        const i = at % entries.length;
        const target = entries[i]!;
        const edited = entries.map((e, j) => (j === i ? { ...e, source: e.source + extra } : e));
        const verdict = verifyChain(sha256, edited);
        return !verdict.ok && verdict.brokenId === target.id;
      }),
    );
  });

  it('property: a deleted entry (other than the last) is detected', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), (entries, at) => {
        const i = at % (entries.length - 1);
        const verdict = verifyChain(
          sha256,
          entries.filter((_, j) => j !== i),
        );
        return !verdict.ok && verdict.brokenId === entries[i + 1]!.id;
      }),
    );
  });

  it('property: an inserted entry (even correctly hashed onto its predecessor) is detected', () => {
    fc.assert(
      fc.property(arbChain, fc.nat(), arbContent, (entries, at, forged) => {
        const i = at % (entries.length - 1); // insert after entry i, before entry i + 1
        const prev = entries[i]!;
        const inserted = {
          ...forged,
          id: prev.id + 0.5,
          prevHash: prev.hash,
          hash: entryHash(sha256, prev.hash, forged),
        };
        const verdict = verifyChain(sha256, [...entries.slice(0, i + 1), inserted, ...entries.slice(i + 1)]);
        return !verdict.ok && verdict.brokenId === entries[i + 1]!.id;
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
        const verdict = verifyChain(sha256, reordered);
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
