import type { Config } from '../config.ts';
import { toHex } from '../features/audit/audit-chain.rules.ts';
import { auditCheckpoints, verifyAuditTrail } from '../features/audit/verify-audit.ts';
import { withDatabase } from './with-database.ts';

/** `ward audit verify`: checks every organisation's hash chain; 0 when intact, 1 at the first broken entry. */
export async function auditVerify(config: Config): Promise<number> {
  return withDatabase(config, async (db) => {
    const results = await verifyAuditTrail(db);
    if (results.length === 0) {
      console.log('OK: the audit trail has no entries yet');
      return 0;
    }
    let broken = false;
    for (const { slug, verdict } of results) {
      if (verdict.ok) {
        const head = verdict.head ? `head #${verdict.head.id} ${toHex(verdict.head.hash)}` : 'no head';
        console.log(`OK: ${slug}: ${verdict.count} ${verdict.count === 1 ? 'entry' : 'entries'} verified, ${head}`);
      } else {
        broken = true;
        console.log(
          `BROKEN: ${slug}: entry #${verdict.brokenId}: ${verdict.reason} (${verdict.count} entries before it verified)`,
        );
      }
    }
    return broken ? 1 : 0;
  });
}

/** `ward audit checkpoint`: prints each chain's head, to keep somewhere the database's owners cannot change. */
export async function auditCheckpoint(config: Config): Promise<void> {
  await withDatabase(config, async (db) => {
    const heads = await auditCheckpoints(db);
    if (heads.length === 0) console.log('The audit trail has no entries yet');
    for (const head of heads)
      console.log(`${head.slug} id ${head.id} hash ${head.hash} at ${head.occurredAt.toISOString()}`);
  });
}
