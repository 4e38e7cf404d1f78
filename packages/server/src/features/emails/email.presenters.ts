import type { CaseEmail } from '@ward/protocol';
import type { EmailRecord } from './emails.repository.ts';

export function toCaseEmail(email: EmailRecord): CaseEmail {
  return {
    id: email.id,
    caseId: email.caseId,
    caseReference: email.caseReference,
    direction: email.direction,
    from: email.from,
    to: email.to,
    subject: email.subject,
    body: email.body,
    redactions: email.redactions,
    at: (email.receivedAt ?? email.createdAt).toISOString(),
    status: email.direction === 'in' ? 'received' : (email.sendStatus ?? 'queued'),
    author: email.author,
    attachments: email.attachments,
    refusedAttachments: email.refused,
    personalDataDeleted: email.personalDataDeleted,
  };
}
