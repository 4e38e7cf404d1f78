import type { DbOrTx } from '../../db/client.ts';
import { verifyChain, type ChainVerdict } from './audit-chain.rules.ts';
import { auditedOrganisations, chainHead, chainPage, toChainedEntry } from './audit.repository.ts';
import { sha256 } from './record-audit.ts';

export type OrganisationVerdict = { slug: string; verdict: ChainVerdict };

/** Walks every organisation's whole chain in id order, a page at a time; stops at the first break. */
export async function verifyAuditTrail(db: DbOrTx, pageSize = 5000): Promise<OrganisationVerdict[]> {
  const results: OrganisationVerdict[] = [];
  for (const organisation of await auditedOrganisations(db)) {
    let verdict: ChainVerdict = { ok: true, count: 0, head: null };
    for (;;) {
      if (!verdict.ok) break;
      const page = await chainPage(db, organisation.id, verdict.head?.id ?? 0, pageSize);
      if (page.length === 0) break;
      verdict = verifyChain(sha256, page.map(toChainedEntry), verdict);
      if (page.length < pageSize) break;
    }
    results.push({ slug: organisation.slug, verdict });
  }
  return results;
}

/** Each organisation's newest entry: write it down elsewhere to catch entries removed from the end later. */
export async function auditCheckpoints(
  db: DbOrTx,
): Promise<Array<{ slug: string; id: number; hash: string; occurredAt: Date }>> {
  const heads = [];
  for (const organisation of await auditedOrganisations(db)) {
    const head = await chainHead(db, organisation.id);
    if (head)
      heads.push({
        slug: organisation.slug,
        id: head.id,
        hash: head.hash.toString('hex'),
        occurredAt: head.occurred_at,
      });
  }
  return heads;
}
