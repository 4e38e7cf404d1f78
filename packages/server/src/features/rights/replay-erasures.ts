import { deleteExportPacksCovering, deleteRequestExportPacks } from './export-packs.repository.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { removeOutboxEmails } from './erase-subject.ts';
import { countHoldingData, destroyKeys, eraseItems, organisationExists } from './erasure.repository.ts';
import { insertLedgerEntry, listLedgerEntries, readLedgerFiles, writeLedgerFile } from './erasure-ledger.repository.ts';
import { erasedMarker, erasureItemKinds, type ErasureItemKind } from './erasure.rules.ts';

export type ReplayReport = {
  /** Ledger entries applied again. */
  entries: number;
  /** Entries found only in the ledger folder (the restored database predates them): written back. */
  restoredEntries: number;
  /** Items that held personal data again (restored from a backup) and were erased again. */
  itemsErasedAgain: number;
  /** Keys that were back (restored) and were destroyed again. */
  keysDestroyedAgain: number;
  outboxEmails: number;
};

/**
 * `ward rights replay-erasures` (ADR 35): after a backup is restored, every erasure since the
 * backup was taken must happen again. Re-applies every entry of the erasure ledger, from the
 * database and from the ledger folder (which outlives the restore), oldest first: items already
 * gone are left as they are, restored ones are erased again, and the keys are destroyed again.
 * Idempotent: a second run finds nothing to do. Each entry is one transaction with one audit
 * entry, as the system.
 */
export async function replayErasures(
  deps: { db: Db; keyring: Keyring },
  dirs: { ledgerDir: string; outboxDir: string },
  now = new Date(),
): Promise<ReplayReport> {
  const inDatabase = await listLedgerEntries(deps.db);
  const known = new Set(inDatabase.map((e) => e.id));
  const inFiles = await readLedgerFiles(dirs.ledgerDir);
  const fileIds = new Set(inFiles.map((e) => e.id));
  const entries = [...inDatabase, ...inFiles.filter((e) => !known.has(e.id))].sort(
    (a, b) => a.erasedAt.getTime() - b.erasedAt.getTime() || a.id.localeCompare(b.id),
  );
  const report: ReplayReport = {
    entries: 0,
    restoredEntries: 0,
    itemsErasedAgain: 0,
    keysDestroyedAgain: 0,
    outboxEmails: 0,
  };
  for (const entry of entries) {
    if (!(await organisationExists(deps.db, entry.organisationId))) continue;
    const items = complete(entry.items);
    const done = await deps.db.transaction().execute(async (tx) => {
      if (!known.has(entry.id)) await insertLedgerEntry(tx, entry);
      const holding = await countHoldingData(tx, items);
      await eraseItems(tx, deps.keyring, items, now, erasedMarker);
      const destroyed = await destroyKeys(tx, entry.dataSubjectIds, now);
      // Export packs restored with the backup hold copies of what was erased (ADR 34, 35).
      const packs = await deleteExportPacksCovering(
        tx,
        entry.organisationId,
        [...items['customer-record'], ...items.case],
        now,
      );
      if (entry.requestId) await deleteRequestExportPacks(tx, entry.requestId, now);
      if (holding > 0 || packs > 0 || destroyed.length > 0)
        await recordAudit(tx, {
          organisationId: entry.organisationId,
          actor: systemActor,
          action: 'delete',
          purpose: 'rights-request',
          recordType: 'erasure_ledger',
          recordId: entry.id,
          fields: ['items', 'data_subject_ids'],
          reason: `erasure ${entry.id} of ${entry.erasedAt.toISOString()} applied again: ${holding} items, ${destroyed.length} keys`,
        });
      return { holding, destroyed: destroyed.length };
    });
    if (!fileIds.has(entry.id)) await writeLedgerFile(dirs.ledgerDir, entry);
    report.entries += 1;
    if (!known.has(entry.id)) report.restoredEntries += 1;
    report.itemsErasedAgain += done.holding;
    report.keysDestroyedAgain += done.destroyed;
    report.outboxEmails += await removeOutboxEmails(
      dirs.outboxDir,
      entry.organisationId,
      entry.dataSubjectIds,
      items.chat,
    );
  }
  return report;
}

/** An entry's items with every kind present (an entry written by an older Ward may lack one). */
function complete(items: Partial<Record<ErasureItemKind, string[]>>): Record<ErasureItemKind, string[]> {
  return Object.fromEntries(erasureItemKinds.map((k) => [k, Array.isArray(items[k]) ? items[k] : []])) as Record<
    ErasureItemKind,
    string[]
  >;
}
