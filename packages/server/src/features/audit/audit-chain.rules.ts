/**
 * The audit trail's hash chain (docs/adr/0012-audit-trail.md), pure: the canonical form of an
 * entry, its hash, and verification of a chain. Hashing is handed in (SHA-256 in production) so
 * this file does no IO and imports nothing from Node.
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

export type ChainedEntry = AuditContent & { id: number; prevHash: Uint8Array; hash: Uint8Array };

export type Digest = (data: Uint8Array) => Uint8Array;

/** The previous hash of an organisation's first entry. */
export const genesisHash: Uint8Array = new Uint8Array(32);

const encoder = new TextEncoder();
const format = 'ward-audit-v1';

/**
 * One fixed order, JSON-encoded: the same entry always gives the same bytes, and no field can
 * bleed into another (every string is quoted and escaped).
 */
export function canonicalForm(entry: AuditContent): string {
  return JSON.stringify([
    format,
    entry.organisationId,
    entry.occurredAt.toISOString(),
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
  ]);
}

/** SHA-256 over the previous entry's hash followed by this entry's canonical form. */
export function entryHash(digest: Digest, prevHash: Uint8Array, entry: AuditContent): Uint8Array {
  const body = encoder.encode(canonicalForm(entry));
  const input = new Uint8Array(prevHash.length + body.length);
  input.set(prevHash, 0);
  input.set(body, prevHash.length);
  return digest(input);
}

/** Chains new entries onto a head (the last entry's hash, or genesis), in order. */
export function chainEntries<T extends AuditContent>(
  digest: Digest,
  head: Uint8Array,
  entries: readonly T[],
): Array<T & { prevHash: Uint8Array; hash: Uint8Array }> {
  let prev = head;
  return entries.map((entry) => {
    const hash = entryHash(digest, prev, entry);
    const chained = { ...entry, prevHash: prev, hash };
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

export type ChainVerdict =
  | { ok: true; count: number; head: { id: number; hash: Uint8Array } | null }
  | { ok: false; count: number; brokenId: number; reason: string };

/**
 * Verifies one organisation's entries in id order. `from` continues a verification done page by
 * page (the last verified entry); without it the chain must start at genesis. The first entry
 * that does not follow is reported: an edited entry no longer matches its hash; a deleted,
 * inserted or reordered one no longer links to the entry before it. Deleting entries at the
 * very end leaves a shorter valid chain: compare the head with a checkpoint to catch that.
 */
export function verifyChain(
  digest: Digest,
  entries: readonly ChainedEntry[],
  from: { count: number; head: { id: number; hash: Uint8Array } | null } = { count: 0, head: null },
): ChainVerdict {
  let expectedPrev = from.head?.hash ?? genesisHash;
  let lastId = from.head?.id ?? -Infinity;
  let count = from.count;
  let head = from.head;
  for (const entry of entries) {
    if (entry.id <= lastId) return { ok: false, count, brokenId: entry.id, reason: 'entries are out of id order' };
    if (!sameBytes(entry.prevHash, expectedPrev)) {
      return {
        ok: false,
        count,
        brokenId: entry.id,
        reason: 'its previous hash does not match the entry before it (an entry was deleted, inserted or moved)',
      };
    }
    if (!sameBytes(entryHash(digest, entry.prevHash, entry), entry.hash)) {
      return {
        ok: false,
        count,
        brokenId: entry.id,
        reason: 'its contents do not match its hash (the entry was changed)',
      };
    }
    expectedPrev = entry.hash;
    lastId = entry.id;
    count += 1;
    head = { id: entry.id, hash: entry.hash };
  }
  return { ok: true, count, head };
}
