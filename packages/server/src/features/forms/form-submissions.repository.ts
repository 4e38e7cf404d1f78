import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';
import type { FormAnswers } from './form-answers.rules.ts';

export type NewFormSubmission = {
  id: string;
  organisationId: string;
  caseId: string;
  formId: string;
  dataSubjectId: string;
  answers: FormAnswers;
  consentGiven: boolean;
  confirmationEmail: string | null;
  /** What the resident was told (ADR 37): the notice in effect and the purposes' lawful bases (JSON). */
  privacyNoticeId?: string | null;
  lawfulBases?: string | null;
};

/** Stores a submission with its answers (and where the confirmation goes) sealed under the record's key. */
export async function insertFormSubmission(db: DbOrTx, dataKey: Buffer, submission: NewFormSubmission): Promise<void> {
  await db
    .insertInto('form_submissions')
    .values({
      id: submission.id,
      organisation_id: submission.organisationId,
      case_id: submission.caseId,
      form_id: submission.formId,
      data_subject_id: submission.dataSubjectId,
      answers: sealField(dataKey, 'form_submissions', 'answers', submission.id, JSON.stringify(submission.answers)),
      consent_given: submission.consentGiven,
      privacy_notice_id: submission.privacyNoticeId ?? null,
      lawful_bases: submission.lawfulBases ?? null,
      confirmation_email: sealField(
        dataKey,
        'form_submissions',
        'confirmation_email',
        submission.id,
        submission.confirmationEmail,
      ),
    })
    .execute();
}

/** A submission with its case's reference, still sealed. */
export async function findFormSubmission(db: DbOrTx, organisationId: string, by: { caseId: string } | { id: string }) {
  let query = db
    .selectFrom('form_submissions as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .selectAll('s')
    .select(['c.case_reference', 'c.department_id'])
    .where('s.organisation_id', '=', organisationId);
  query = 'caseId' in by ? query.where('s.case_id', '=', by.caseId) : query.where('s.id', '=', by.id);
  return query.executeTakeFirst();
}

export function openAnswers(dataKey: Buffer, row: { id: string; answers: Buffer }): FormAnswers {
  return JSON.parse(openField(dataKey, 'form_submissions', 'answers', row.id, row.answers)) as FormAnswers;
}

export function openConfirmationEmail(
  dataKey: Buffer,
  row: { id: string; confirmation_email: Buffer | null },
): string | null {
  return openField(dataKey, 'form_submissions', 'confirmation_email', row.id, row.confirmation_email);
}

export async function markConfirmationSent(db: DbOrTx, id: string): Promise<void> {
  await db.updateTable('form_submissions').set({ confirmation_sent_at: new Date() }).where('id', '=', id).execute();
}

/** Submissions whose confirmation email has not gone yet, made before `before` (oldest first). */
export async function listUnsentConfirmations(
  db: DbOrTx,
  organisationId: string,
  before: Date,
  limit = 500,
): Promise<string[]> {
  const rows = await db
    .selectFrom('form_submissions')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('confirmation_email', 'is not', null)
    .where('confirmation_sent_at', 'is', null)
    .where('personal_data_deleted_at', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The data key of a submission's subject: undefined or null once erased. */
export async function submissionDataKey(
  db: DbOrTx,
  keyring: Keyring,
  dataSubjectId: string,
): Promise<Buffer | null | undefined> {
  return (await loadSubjectKeys(db, keyring, [dataSubjectId])).get(dataSubjectId);
}
