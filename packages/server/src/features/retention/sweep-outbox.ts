import type { Db } from '../../db/client.ts';
import { OrganisationSettings } from '../../shared/organisation-settings.ts';
import { conversationsWithoutPersonalData, listOutboxFacts, removeOutboxEmail } from '../mail/outbox.repository.ts';
import { recordAudit, systemActor, type AuditEntry } from '../audit/record-audit.ts';
import { heldDataSubjects } from './holds.repository.ts';
import { listOrganisations, recordDestruction } from './retention.repository.ts';
import { dueOutboxEmails, expiresAt, orphanedTranscriptEmails, ruleFor, unitOf } from './retention.rules.ts';
import type { CategoryOutcome, RetentionRun } from './run-retention.ts';

export type OutboxSweepOptions = {
  outboxDir: string;
  now: Date;
  jobId: string;
  dryRun?: boolean;
  /** Emails per audit transaction. */
  batchSize?: number;
};

export type OutboxSweep = Array<{ slug: string; outcome: CategoryOutcome }>;

/** What an outbox email holds, as the audit trail names it (mailer.ts seals all three). */
const emailFields = ['to', 'subject', 'text'];

/**
 * Retention of the transcript outbox (ADR 11): emails written to the outbox folder when no SMTP
 * server is configured carry the resident's name, address and messages, so they go when the
 * `emails` period after they were written has passed, unless a hold touches their resident; a
 * chat's transcript goes as soon as that chat's personal data is deleted or erased (ADR 29).
 * Each batch's audit entries (one per email, as the system, purpose `retention`) are committed
 * before its files are deleted (files cannot join a transaction): if the audit write fails,
 * nothing is deleted. One destruction-log row per organisation and run, category `emails`.
 */
export async function sweepOutbox(db: Db, options: OutboxSweepOptions): Promise<OutboxSweep> {
  const { outboxDir, now, jobId, dryRun = false, batchSize = 100 } = options;
  const swept: OutboxSweep = [];
  for (const organisation of await listOrganisations(db)) {
    const settings = OrganisationSettings.parse(organisation.settings).retention;
    const rule = ruleFor('emails', settings);
    const facts = await listOutboxFacts(outboxDir, organisation.id);
    const expired = new Set(dueOutboxEmails(facts, now, settings, await heldDataSubjects(db, organisation.id, now)));
    // A transcript goes with its chat's personal data, whatever its own period (ADR 29).
    const gone = await conversationsWithoutPersonalData(
      db,
      organisation.id,
      facts.flatMap((fact) => (fact.conversationId ? [fact.conversationId] : [])),
    );
    const orphaned = new Set(orphanedTranscriptEmails(facts, gone).map((email) => email.id));
    const due = facts.filter((fact) => orphaned.has(fact.id) || expired.has(fact));
    const outcome: CategoryOutcome = {
      category: 'emails',
      rule,
      unit: unitOf('emails'),
      count: due.length,
      oldestExpiry: null,
    };
    if (dryRun) {
      const oldest = due.reduce<Date | null>(
        (min, email) => (min && min <= email.writtenAt ? min : email.writtenAt),
        null,
      );
      outcome.oldestExpiry = oldest ? expiresAt(oldest, settings.emails) : null;
    } else {
      const reason = `${rule} (run ${jobId})`;
      for (let from = 0; from < due.length; from += batchSize) {
        const batch = due.slice(from, from + batchSize);
        const entries: AuditEntry[] = batch.map((email) => ({
          organisationId: organisation.id,
          actor: systemActor,
          action: 'delete',
          purpose: 'retention',
          recordType: 'outbox_email',
          recordId: email.id,
          dataSubjectId: email.dataSubjectId,
          fields: emailFields,
          reason: orphaned.has(email.id) ? `the chat’s personal data was deleted (run ${jobId})` : reason,
        }));
        await db.transaction().execute((tx) => recordAudit(tx, entries));
        // Only after the entries are committed: no email goes unaudited. A deletion that fails
        // stops the run; its entry then stands for the next run's deletion of the same file.
        for (const email of batch) await removeOutboxEmail(outboxDir, organisation.id, email.id);
      }
      await recordDestruction(db, [
        { organisationId: organisation.id, category: 'emails', rule, count: due.length, runAt: now, jobId },
      ]);
    }
    swept.push({ slug: organisation.slug, outcome });
  }
  return swept;
}

/** A retention run with each organisation's outbox outcome after its database categories (for `ward retention run`). */
export function withOutboxOutcomes(run: RetentionRun, swept: OutboxSweep): RetentionRun {
  return {
    ...run,
    organisations: run.organisations.map((organisation) => ({
      ...organisation,
      outcomes: [...organisation.outcomes, ...swept.filter((s) => s.slug === organisation.slug).map((s) => s.outcome)],
    })),
  };
}
