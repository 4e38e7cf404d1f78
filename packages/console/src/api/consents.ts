import type { ConsentProof, PrivacyNotice, PublishPrivacyNoticeBody } from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

/** Every version of the privacy notice, newest first (ADR 37). */
export async function fetchPrivacyNotices(): Promise<PrivacyNotice[]> {
  return (await getJson<{ notices: PrivacyNotice[] }>('/api/privacy-notices')).notices;
}

/** Publishes a version (administrators). */
export async function publishPrivacyNotice(body: PublishPrivacyNoticeBody): Promise<PrivacyNotice> {
  return (await postJson<{ notice: PrivacyNotice }>('/api/privacy-notices', body)).notice;
}

/** Whose consents: one resident (by a case of theirs) or one purpose. */
export type ConsentSearch = { caseReference: string } | { purpose: string };

const queryOf = (search: ConsentSearch) =>
  'caseReference' in search
    ? `caseReference=${encodeURIComponent(search.caseReference)}`
    : `purpose=${encodeURIComponent(search.purpose)}`;

export async function fetchConsentProof(search: ConsentSearch): Promise<ConsentProof[]> {
  return (await getJson<{ consents: ConsentProof[] }>(`/api/consents?${queryOf(search)}`)).consents;
}

/** The same proof as a CSV download. */
export const consentCsvHref = (search: ConsentSearch) => `/api/consents.csv?${queryOf(search)}`;

/** Withdraws a consent on the resident's behalf. */
export async function withdrawConsent(id: string): Promise<ConsentProof> {
  return (await postJson<{ consent: ConsentProof }>(`/api/consents/${segment(id)}/withdraw`, {})).consent;
}
