import type { CaseDetail } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { decodeChange } from './case-access.rules.ts';
import { toCaseDetail, type Labels } from './case.presenters.ts';
import { listLinkedCases, type CaseHead } from './cases.repository.ts';
import { loadCaseKey, openCaseTexts, staffNames } from './case-texts.repository.ts';
import { listCaseDisclosures } from './disclosures.repository.ts';
import { departmentLabel } from './department-labels.ts';

/**
 * The case in full, opened with its data subject's key (a chat's summary from its conversation),
 * with its disclosures to third parties (ADR 30).
 */
export async function loadCaseDetail(tx: Tx, ctx: ServiceContext, head: CaseHead): Promise<CaseDetail> {
  const { summary, entries } = await openCaseTexts(tx, ctx.keyring, head);
  const staffIds = new Set<string>();
  for (const row of entries) {
    const change = row.kind === 'owner' ? decodeChange(row.detail) : null;
    if (change?.from) staffIds.add(change.from);
    if (change?.to) staffIds.add(change.to);
  }
  const names = await staffNames(tx, head.organisation_id, [...staffIds]);
  const labels: Labels = { department: departmentLabel(ctx), staff: (id) => names.get(id) ?? null };
  const key = await loadCaseKey(tx, ctx.keyring, head);
  const disclosures = await listCaseDisclosures(tx, key, head.organisation_id, head.id);
  return toCaseDetail(head, { summary, entries, linked: await listLinkedCases(tx, head.id), disclosures }, labels);
}
