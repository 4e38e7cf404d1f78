import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { contactIsRestricted } from '../access/processing-restrictions.repository.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import type { Mailer } from '../mail/mailer.ts';
import { renderFormConfirmation } from './confirmation-email.rules.ts';
import {
  findFormSubmission,
  listUnsentConfirmations,
  markConfirmationSent,
  openConfirmationEmail,
  submissionDataKey,
} from './form-submissions.repository.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';
import { textsIn } from '../../shared/resident-texts/resident-texts.ts';

const queue = 'form-confirmation-email';

/**
 * Emails the case reference to a resident who gave an address on a form: a durable pg-boss job
 * (like transcripts), so a restart or an SMTP outage loses nothing. Job data is the submission's
 * id only: no personal data in the job table.
 */
export async function registerFormConfirmationJobs(ctx: ServiceContext, boss: PgBoss, mailer: Mailer): Promise<void> {
  // `exclusive`: at most one queued, retrying or running job per submission (its id is the key).
  await boss.createQueue(queue, { policy: 'exclusive', retryLimit: 5, retryDelay: 30, retryBackoff: true });
  await boss.work<{ submissionId: string }>(queue, async (jobs) => {
    for (const job of jobs) await sendConfirmation(ctx, mailer, job.data.submissionId);
  });
  const enqueue = (submissionId: string) => boss.send(queue, { submissionId }, { singletonKey: submissionId });
  ctx.events.subscribe('form.submitted', async ({ submissionId }) => {
    await enqueue(submissionId);
  });
  // The job is queued after the submission commits: a process that stops in between would lose
  // it. So at start, and every quarter of an hour, what is still unsent after a while is queued
  // again (a job already queued or retrying for it is kept, not doubled).
  const sweep = async () => {
    for (const id of await listUnsentConfirmations(ctx.db, ctx.organisation.id, new Date(Date.now() - sweepAfterMs)))
      await enqueue(id);
  };
  await boss.createQueue(sweepQueue);
  await boss.work(sweepQueue, sweep);
  await boss.schedule(sweepQueue, '*/15 * * * *', null, { tz: 'Europe/London' });
  await sweep();
}

const sweepQueue = 'form-confirmation-sweep';
/** Long enough for the normal job to have sent it, short enough that a resident is not kept waiting. */
const sweepAfterMs = 5 * 60_000;

async function sendConfirmation(ctx: ServiceContext, mailer: Mailer, submissionId: string): Promise<void> {
  // The read and its audit entry (Ward using the address to send) commit together (ADR 12).
  const read = await ctx.db.transaction().execute(async (tx) => {
    const row = await findFormSubmission(tx, ctx.organisation.id, { id: submissionId });
    if (!row?.confirmation_email || row.confirmation_sent_at || row.personal_data_deleted_at) return null;
    const key = await submissionDataKey(tx, ctx.keyring, row.data_subject_id);
    if (!key) return null; // erased meanwhile: nothing to send
    // A restricted resident's data is not used (ADR 33): the sweep tries again once it is lifted.
    if (await contactIsRestricted(tx, ctx.organisation.id, { caseId: row.case_id })) return null;
    const to = openConfirmationEmail(key, row);
    if (!to) return null;
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      actor: systemActor,
      action: 'export',
      purpose: 'form-submission',
      reason: 'confirmation email',
      recordType: 'form_submission',
      recordId: row.id,
      dataSubjectId: row.data_subject_id,
      caseReference: row.case_reference,
      fields: ['confirmation_email'],
    });
    return { row, key, to };
  });
  if (!read) return;
  // In the language the resident used the form in (ADR 50).
  const language = read.row.language;
  const form = formsOf(ctx.organisation.settings, language).find((f) => f.id === read.row.form_id);
  const says = textsIn(language).formEmail;
  const email = renderFormConfirmation({
    organisationName: ctx.organisation.name,
    formTitle: form?.title ?? says.formFallback,
    caseReference: read.row.case_reference,
    whatHappensNext: form?.whatHappensNext ?? says.nextFallback,
    language,
  });
  await mailer.send(
    ctx.organisation.id,
    { to: read.to, ...email, language },
    { dataSubjectId: read.row.data_subject_id, key: read.key },
  );
  await markConfirmationSent(ctx.db, read.row.id);
}
