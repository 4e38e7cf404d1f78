import type { OutboxEmail } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { conversationsWithoutPersonalData, openOutboxEmails, readNewestOutboxEmails } from './outbox.repository.ts';

/**
 * The newest outbox emails, decrypted; a resident whose key was destroyed shows as erased. A
 * transcript whose chat lost its personal data (retention or erasure) is not shown, even before
 * the retention run deletes its file (ADR 29). Reading them is reading residents' personal data,
 * so each is audited.
 */
export async function listOutbox(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  outboxDir: string,
  limit = 100,
): Promise<OutboxEmail[]> {
  const organisationId = staff.organisationId;
  const newest = await readNewestOutboxEmails(outboxDir, organisationId, limit);
  return ctx.db.transaction().execute(async (tx) => {
    const gone = await conversationsWithoutPersonalData(
      tx,
      organisationId,
      newest.flatMap((entry) => (typeof entry.conversationId === 'string' ? [entry.conversationId] : [])),
    );
    const stored = newest.filter(
      (entry) => !(typeof entry.conversationId === 'string' && gone.has(entry.conversationId)),
    );
    const emails = await openOutboxEmails(tx, ctx.keyring, stored);
    if (stored.length > 0) {
      await recordAudit(
        tx,
        stored.map((entry) => ({
          organisationId,
          actor: staffActor(staff),
          action: 'read' as const,
          purpose: 'review-contact' as const,
          recordType: 'outbox_email',
          recordId: entry.id,
          dataSubjectId: entry.dataSubjectId,
          fields: ['to', 'subject', 'text'],
        })),
      );
    }
    return emails;
  });
}
