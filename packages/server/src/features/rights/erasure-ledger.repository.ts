import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DbOrTx } from '../../db/client.ts';
import type { ErasureItemKind, Exemption } from './erasure.rules.ts';

/**
 * The erasure ledger (ADR 35): one entry per erasure, in the database and as a file in the ledger
 * folder, so that a backup restored from before an erasure can be erased again (`ward rights
 * replay-erasures`). Identifiers, kinds and categories only: no personal data, no typed reason.
 */
export type LedgerEntry = {
  id: string;
  organisationId: string;
  erasedAt: Date;
  requestId: string | null;
  /** A staff id, or `system`. */
  actor: string;
  reasonCategory: 'rights-request' | 'command';
  dataSubjectIds: string[];
  items: Record<ErasureItemKind, string[]>;
  kept: Array<{ kind: ErasureItemKind; id: string; exemption: Exemption }>;
};

export async function insertLedgerEntry(db: DbOrTx, entry: LedgerEntry): Promise<void> {
  await db
    .insertInto('erasure_ledger')
    .values({
      id: entry.id,
      organisation_id: entry.organisationId,
      erased_at: entry.erasedAt,
      request_id: entry.requestId,
      actor: entry.actor,
      reason_category: entry.reasonCategory,
      data_subject_ids: entry.dataSubjectIds,
      items: JSON.stringify(entry.items),
      kept: JSON.stringify(entry.kept),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Every entry in the database, oldest first. */
export async function listLedgerEntries(db: DbOrTx): Promise<LedgerEntry[]> {
  const rows = await db.selectFrom('erasure_ledger').selectAll().orderBy('erased_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    erasedAt: r.erased_at,
    requestId: r.request_id,
    actor: r.actor,
    reasonCategory: r.reason_category,
    dataSubjectIds: r.data_subject_ids,
    items: r.items as LedgerEntry['items'],
    kept: r.kept as LedgerEntry['kept'],
  }));
}

const fileName = (entry: Pick<LedgerEntry, 'id' | 'erasedAt'>) =>
  `${entry.erasedAt.toISOString().replace(/[:.]/g, '-')}-${entry.id}.json`;

/** Writes an entry's file (whole or not at all: a temporary file renamed into place). */
export async function writeLedgerFile(dir: string, entry: LedgerEntry): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, fileName(entry));
  await writeFile(`${file}.tmp`, JSON.stringify(entry), { mode: 0o600, flush: true });
  await rename(`${file}.tmp`, file);
  return file;
}

export async function removeLedgerFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Every entry in the ledger folder, oldest first; a file that is not an entry is left out. */
export async function readLedgerFiles(dir: string): Promise<LedgerEntry[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const entries: LedgerEntry[] = [];
  for (const name of names) {
    try {
      const raw = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as LedgerEntry & { erasedAt: string };
      const erasedAt = new Date(raw.erasedAt);
      if (typeof raw.id !== 'string' || Number.isNaN(erasedAt.getTime()) || !Array.isArray(raw.dataSubjectIds))
        continue;
      entries.push({ ...raw, erasedAt });
    } catch {
      // not an entry (or being written): skipped
    }
  }
  return entries;
}
