import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DbOrTx } from '../../db/client.ts';
import { toHex, verifyChain, type ChainVerdict } from './audit-chain.rules.ts';
import {
  compareWithCheckpoint,
  parseCheckpointFile,
  checkpointPayload,
  type SignedCheckpoint,
} from './audit-checkpoint.rules.ts';
import { auditedOrganisations, chainPage, organisationSlugs, toChainedEntry } from './audit.repository.ts';
import type { AuditKeys } from './audit-key.ts';
import { isCheckpointFileName } from './write-audit-checkpoint.ts';

export type OrganisationVerdict = {
  organisationId: string;
  slug: string;
  verdict: ChainVerdict;
  /** How many valid checkpoints this chain was compared with, and the newest one's time. */
  checkpoints: { count: number; newest: string | null };
};

export type AuditVerification = {
  organisations: OrganisationVerdict[];
  /** The checkpoint files read (from the folder, then those named). */
  checkpointFiles: string[];
  /** Every problem found, in plain words; the first is the one to act on. Empty: intact. */
  problems: string[];
};

type Expected = { checkpoint: SignedCheckpoint; file: string };

/** Reads checkpoint files and checks their signatures; a file or signature that fails is a problem. */
async function readCheckpoints(keys: AuditKeys, files: string[], problems: string[]): Promise<Map<string, Expected[]>> {
  const byOrganisation = new Map<string, Expected[]>();
  for (const file of files) {
    const name = path.basename(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      problems.push(`checkpoint file ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const parsed = parseCheckpointFile(text);
    if (!parsed.ok) {
      problems.push(`checkpoint file ${name}: ${parsed.reason}`);
      continue;
    }
    for (const checkpoint of parsed.checkpoints) {
      if (!keys.verify(checkpointPayload(checkpoint), checkpoint.signature)) {
        problems.push(
          `checkpoint file ${name}, ${checkpoint.organisation}: its signature does not verify (the file was changed, or signed with another audit key)`,
        );
        continue;
      }
      const list = byOrganisation.get(checkpoint.organisationId) ?? [];
      list.push({ checkpoint, file: name });
      byOrganisation.set(checkpoint.organisationId, list);
    }
  }
  return byOrganisation;
}

async function checkpointFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .filter(isCheckpointFileName)
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * `ward audit verify`: walks every organisation's whole chain in id order, a page at a time, with
 * the audit key (ADR 26), stopping at an organisation's first break; then holds each intact chain
 * against every signed checkpoint in the folder and any named: entries deleted from the end, or
 * the whole trail emptied, show there.
 */
export async function verifyAuditTrail(
  db: DbOrTx,
  keys: AuditKeys,
  options: { checkpointDir?: string | null; checkpointFiles?: string[]; pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 5000;
  const problems: string[] = [];
  const files = [
    ...(options.checkpointDir ? await checkpointFilesIn(options.checkpointDir) : []),
    ...(options.checkpointFiles ?? []),
  ];
  const expected = await readCheckpoints(keys, files, problems);
  const checkpointProblems: string[] = [];

  const slugs = await organisationSlugs(db);
  const organisations = new Map((await auditedOrganisations(db)).map((o) => [o.id, o.slug]));
  for (const [organisationId, list] of expected)
    if (!organisations.has(organisationId))
      organisations.set(organisationId, slugs.get(organisationId) ?? list[0]!.checkpoint.organisation);

  const results: OrganisationVerdict[] = [];
  for (const [organisationId, slug] of [...organisations].sort((a, b) => a[1].localeCompare(b[1]))) {
    const checkpoints = expected.get(organisationId) ?? [];
    const wanted = new Set(checkpoints.map((e) => e.checkpoint.count));
    const seen = new Map<number, { id: number; hash: string }>();
    let verdict: ChainVerdict = { ok: true, count: 0, head: null };
    for (;;) {
      const page = await chainPage(db, organisationId, verdict.head?.id ?? 0, pageSize);
      if (page.length === 0) break;
      const entries = page.map(toChainedEntry);
      verdict = verifyChain(keys.hashes, entries, verdict);
      for (const entry of entries)
        if (wanted.has(entry.seq)) seen.set(entry.seq, { id: entry.id, hash: toHex(entry.hash) });
      if (!verdict.ok || page.length < pageSize) break;
    }
    if (!verdict.ok)
      problems.push(
        `${slug}: entry #${verdict.brokenId} (number ${verdict.brokenSeq}): ${verdict.reason} (${verdict.count} ${verdict.count === 1 ? 'entry' : 'entries'} before it verified)`,
      );
    let newest: string | null = null;
    if (verdict.ok) {
      const count = verdict.count;
      for (const { checkpoint, file } of checkpoints) {
        const problem = compareWithCheckpoint(checkpoint, { count, entryAt: (seq) => seen.get(seq) });
        if (problem) checkpointProblems.push(`${slug}: ${problem} (checkpoint file ${file})`);
        if (!newest || checkpoint.at > newest) newest = checkpoint.at;
      }
    }
    results.push({ organisationId, slug, verdict, checkpoints: { count: checkpoints.length, newest } });
  }
  return { organisations: results, checkpointFiles: files, problems: [...problems, ...checkpointProblems] };
}
