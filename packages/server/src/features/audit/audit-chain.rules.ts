/**
 * The audit trail's chain (docs/adr/0012-audit-trail.md, 0026-keyed-audit-chain-and-checkpoints.md),
 * pure: the canonical form of an entry, its hash, and verification of a chain. The hash functions
 * are handed in (SHA-256 for the old unkeyed entries, HMAC-SHA-256 with the audit key for keyed
 * ones) so this file does no IO and imports nothing from Node.
 */

export const auditActions = ['read', 'create', 'update', 'export', 'delete'] as const;
export type AuditAction = (typeof auditActions)[number];

/** Why personal data was touched. */
export const auditPurposes = [
  'handle-chat',
  'review-contact',
  'retention',
  'rights-request',
  'transcript-request',
  'audit-review',
  'legal-hold',
  'search',
  'form-submission',
  'sign-in',
  /** A member of staff's own sign-in (two-step sign-in set up, changed or reset). */
  'account-security',
  /** Consent given, withdrawn, or its proof exported (ADR 37). */
  'consent',
  /** A supervisor opened or took over a live chat (issue 11, ADR 42). */
  'supervision',
  /** An administrator changed how the contact centre works: opening hours, routing (ADR 47). */
  'administration',
] as const;
export type AuditPurpose = (typeof auditPurposes)[number];

/** What an entry says. Never a value of personal data: ids, field names, codes and times. */
export type AuditContent = {
  organisationId: string;
  occurredAt: Date;
  actorKind: 'staff' | 'system';
  /** The staff id, or `system`. */
  actorId: string;
  actorRole: string;
  action: AuditAction;
  dataSubjectId: string | null;
  recordType: string;
  recordId: string | null;
  caseReference: string | null;
  fields: readonly string[];
  purpose: AuditPurpose;
  /** A typed reason (sensitive actions) or the rule applied (retention). */
  reason: string | null;
  /** The request's address, truncated (IPv4 /24, IPv6 /48), or `system`. */
  source: string;
};

/**
 * 1: the first format, SHA-256 with no key (entries written before ADR 26); accepted only before
 * an organisation's first keyed entry. 2: HMAC-SHA-256 with the audit key, covering the sequence
 * number and the time to the microsecond.
 */
export type AuditFormat = 1 | 2;

/** An entry with its place in its organisation's chain: `seq` counts 1, 2, 3… per organisation. */
export type SequencedContent = AuditContent & { seq: number; format: AuditFormat };

export type ChainedEntry = SequencedContent & {
  id: number;
  prevHash: Uint8Array;
  hash: Uint8Array;
  /**
   * The time exactly as stored (`2026-03-01T10:00:00.123000Z`, microseconds): a Date keeps only
   * milliseconds, so a shift of less than one would otherwise go unseen. Absent: `occurredAt`.
   */
  storedTime?: string;
};

export type Digest = (data: Uint8Array) => Uint8Array;

/** How each format hashes: `v1` plain SHA-256, `v2` HMAC-SHA-256 with the audit key. */
export type ChainHashes = { v1: Digest; v2: Digest };

/** The previous hash of an organisation's first entry. */
export const genesisHash: Uint8Array = new Uint8Array(32);

const encoder = new TextEncoder();

/** A time to the microsecond, as the database keeps it (Ward writes whole milliseconds). */
export function microsecondTime(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

/**
 * One fixed order, JSON-encoded: the same entry always gives the same bytes, and no field can
 * bleed into another (every string is quoted and escaped). Format 1 is frozen as it shipped.
 */
export function canonicalForm(entry: SequencedContent, storedTime?: string): string {
  const rest = [
    entry.actorKind,
    entry.actorId,
    entry.actorRole,
    entry.action,
    entry.dataSubjectId,
    entry.recordType,
    entry.recordId,
    entry.caseReference,
    [...entry.fields],
    entry.purpose,
    entry.reason,
    entry.source,
  ];
  if (entry.format === 1)
    return JSON.stringify(['ward-audit-v1', entry.organisationId, entry.occurredAt.toISOString(), ...rest]);
  const time = storedTime ?? microsecondTime(entry.occurredAt);
  return JSON.stringify(['ward-audit-v2', entry.organisationId, entry.seq, time, ...rest]);
}

/** The entry's hash over the previous entry's hash followed by its canonical form, in its format's way. */
export function entryHash(
  hashes: ChainHashes,
  prevHash: Uint8Array,
  entry: SequencedContent,
  storedTime?: string,
): Uint8Array {
  const body = encoder.encode(canonicalForm(entry, storedTime));
  const input = new Uint8Array(prevHash.length + body.length);
  input.set(prevHash, 0);
  input.set(body, prevHash.length);
  return (entry.format === 1 ? hashes.v1 : hashes.v2)(input);
}

/** Where a chain stands: its newest entry (null when empty). */
export type ChainHead = { seq: number; hash: Uint8Array } | null;

/** Chains new entries (always the keyed format) onto a head, in order, numbering them on. */
export function chainEntries<T extends AuditContent>(
  hashes: ChainHashes,
  head: ChainHead,
  entries: readonly T[],
): Array<T & { seq: number; format: 2; prevHash: Uint8Array; hash: Uint8Array }> {
  let prev = head?.hash ?? genesisHash;
  let seq = head?.seq ?? 0;
  return entries.map((entry) => {
    seq += 1;
    const sequenced = { ...entry, seq, format: 2 as const };
    const hash = entryHash(hashes, prev, sequenced);
    const chained = { ...sequenced, prevHash: prev, hash };
    prev = hash;
    return chained;
  });
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** How far a verification got: the entries verified and the last of them. */
export type ChainProgress = {
  count: number;
  head: { id: number; seq: number; hash: Uint8Array; format: AuditFormat } | null;
};

export type ChainVerdict =
  ({ ok: true } & ChainProgress) | ({ ok: false; brokenId: number; brokenSeq: number; reason: string } & ChainProgress);

/**
 * Verifies one organisation's entries in id order. `from` continues a verification done page by
 * page; without it the chain must start at genesis with number 1. The first entry that does not
 * follow is reported, in plain words: a number missing (entries deleted) or out of turn (inserted,
 * moved or reordered), a broken link to the entry before, contents that no longer match the keyed
 * hash (changed, or rehashed without the audit key), an old unkeyed entry after keyed ones, or a
 * time changed below the millisecond. Deleting entries at the very end leaves a shorter valid
 * chain: checkpoints (audit-checkpoint.rules.ts) catch that.
 */
export function verifyChain(
  hashes: ChainHashes,
  entries: readonly ChainedEntry[],
  from: ChainProgress = { count: 0, head: null },
): ChainVerdict {
  let { count, head } = from;
  const broken = (entry: ChainedEntry, reason: string): ChainVerdict => ({
    ok: false,
    count,
    head,
    brokenId: entry.id,
    brokenSeq: entry.seq,
    reason,
  });
  for (const entry of entries) {
    const expectedSeq = (head?.seq ?? 0) + 1;
    if (head && entry.id <= head.id) return broken(entry, 'entries are out of id order');
    if (entry.seq > expectedSeq) {
      const missing = entry.seq - expectedSeq;
      return broken(
        entry,
        `${missing === 1 ? `entry number ${expectedSeq} is` : `entries number ${expectedSeq} to ${entry.seq - 1} are`} missing before it (deleted, moved or reordered)`,
      );
    }
    if (entry.seq < expectedSeq)
      return broken(
        entry,
        `its number ${entry.seq} is out of turn (expected ${expectedSeq}): an entry was inserted, moved or reordered`,
      );
    if (entry.format === 1 && head?.format === 2)
      return broken(entry, 'it is in the old unkeyed format after keyed entries: it was forged or rewritten');
    if (!sameBytes(entry.prevHash, head?.hash ?? genesisHash))
      return broken(
        entry,
        'its previous hash does not match the entry before it (an entry was deleted, inserted or moved)',
      );
    if (!sameBytes(entryHash(hashes, entry.prevHash, entry, entry.storedTime), entry.hash))
      return broken(
        entry,
        entry.format === 2
          ? 'its contents do not match its keyed hash (the entry was changed, or rehashed without the audit key)'
          : 'its contents do not match its hash (the entry was changed)',
      );
    if (entry.format === 1 && entry.storedTime !== undefined && entry.storedTime !== microsecondTime(entry.occurredAt))
      return broken(entry, 'its time was changed (by less than a millisecond)');
    count += 1;
    head = { id: entry.id, seq: entry.seq, hash: entry.hash, format: entry.format };
  }
  return { ok: true, count, head };
}
