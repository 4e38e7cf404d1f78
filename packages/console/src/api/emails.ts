import type { CaseEmail } from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

export async function fetchCaseEmails(caseId: string): Promise<CaseEmail[]> {
  return (await getJson<{ emails: CaseEmail[] }>(`/api/cases/${segment(caseId)}/emails`)).emails;
}

export async function replyToEmail(caseId: string, body: string): Promise<CaseEmail> {
  return (await postJson<{ email: CaseEmail }>(`/api/cases/${segment(caseId)}/emails`, { body })).email;
}

/** Served as `Content-Disposition: attachment`: the browser downloads it, never shows it. */
export function attachmentHref(emailId: string, attachmentId: string): string {
  return `/api/emails/${segment(emailId)}/attachments/${segment(attachmentId)}`;
}
