import type { ConsentProof, LawfulBasis } from '@ward/protocol';
import { lawfulBases } from '@ward/protocol';
import { csvCell } from '../audit/audit-csv.rules.ts';

/** A consent as the proof shows it: what was agreed, how, when, under which notice and basis. */
export type ConsentFacts = {
  id: string;
  caseReference: string | null;
  purpose: string;
  method: ConsentProof['method'];
  wording: string;
  messageSeq: number | null;
  noticeVersion: string | null;
  lawfulBases: Record<string, string> | null;
  givenAt: Date;
  withdrawnAt: Date | null;
  withdrawalMethod: ConsentProof['withdrawalMethod'];
};

const isLawfulBasis = (value: string | undefined): value is LawfulBasis =>
  (lawfulBases as readonly string[]).includes(value ?? '');

export function toConsentProof(c: ConsentFacts): ConsentProof {
  const basis = c.lawfulBases?.[c.purpose];
  return {
    id: c.id,
    caseReference: c.caseReference,
    purpose: c.purpose,
    // The basis the contact recorded for this purpose when it arrived; consent when none was named.
    lawfulBasis: isLawfulBasis(basis) ? basis : c.method === 'post-chat-form' ? 'consent' : null,
    method: c.method,
    wording: c.wording,
    messageSeq: c.messageSeq,
    noticeVersion: c.noticeVersion,
    givenAt: c.givenAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    withdrawalMethod: c.withdrawalMethod,
  };
}

export const consentProofColumns = [
  'id',
  'caseReference',
  'purpose',
  'lawfulBasis',
  'method',
  'wording',
  'messageSeq',
  'noticeVersion',
  'givenAt',
  'withdrawnAt',
  'withdrawalMethod',
] as const satisfies ReadonlyArray<keyof ConsentProof>;

export function consentProofCsv(proofs: readonly ConsentProof[]): string {
  const rows = proofs.map((p) => consentProofColumns.map((column) => csvCell(p[column])).join(','));
  return [consentProofColumns.join(','), ...rows].join('\r\n') + '\r\n';
}
