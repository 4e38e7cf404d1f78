import type { CaseDetail, Disclosure, DisclosureBody, RecordOfProcessing } from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

/** Records a disclosure to a third party on a case (ADR 30); answers with the case as it is now. */
export async function recordDisclosure(caseId: string, body: DisclosureBody): Promise<CaseDetail> {
  return (await postJson<{ case: CaseDetail }>(`/api/cases/${segment(caseId)}/disclosures`, body)).case;
}

/** The disclosure log between two dates (privacy officers and administrators). */
export async function fetchDisclosures(range: { from?: string; to?: string }): Promise<Disclosure[]> {
  const query = new URLSearchParams();
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  const text = query.toString();
  return (await getJson<{ disclosures: Disclosure[] }>(`/api/disclosures${text ? `?${text}` : ''}`)).disclosures;
}

/** The record of processing activities from the live configuration. */
export function fetchRecordOfProcessing(): Promise<RecordOfProcessing> {
  return getJson<RecordOfProcessing>('/api/ropa');
}
