import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';
import { randomUUID } from 'node:crypto';
import type { FormAnswer, Language } from '@ward/protocol';
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
  /** The language the resident used the form in (ADR 50); English when not said. */
  language?: Language;
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
      language: submission.language ?? 'en',
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

/** Replaces a submission's answers, sealed again under the same key. */
export async function updateAnswers(db: DbOrTx, dataKey: Buffer, id: string, answers: FormAnswers): Promise<void> {
  await db
    .updateTable('form_submissions')
    .set({ answers: sealField(dataKey, 'form_submissions', 'answers', id, JSON.stringify(answers)) })
    .where('id', '=', id)
    .execute();
}

/** Keeps what a correction replaced (the answer as JSON, or null when there was none) and why, sealed. */
export async function insertAnswerCorrection(
  db: DbOrTx,
  dataKey: Buffer,
  correction: {
    organisationId: string;
    submissionId: string;
    dataSubjectId: string;
    correctedBy: string;
    fieldId: string;
    previous: FormAnswer | null;
    reason: string;
  },
): Promise<void> {
  const id = randomUUID();
  const seal = (field: string, value: string) => sealField(dataKey, 'form_answer_corrections', field, id, value);
  await db
    .insertInto('form_answer_corrections')
    .values({
      id,
      organisation_id: correction.organisationId,
      form_submission_id: correction.submissionId,
      data_subject_id: correction.dataSubjectId,
      corrected_by: correction.correctedBy,
      field_id: correction.fieldId,
      previous_value: correction.previous === null ? null : seal('previous_value', JSON.stringify(correction.previous)),
      reason: seal('reason', correction.reason),
    })
    .execute();
}

export type AnswerCorrection = {
  at: Date;
  byName: string | null;
  fieldId: string;
  previous: FormAnswer | null;
  reason: string;
};

/** A submission's corrections, newest first, opened (`[erased]` once the key is gone). */
export async function listAnswerCorrections(
  db: DbOrTx,
  dataKey: Buffer | null,
  submissionId: string,
): Promise<AnswerCorrection[]> {
  const rows = await db
    .selectFrom('form_answer_corrections as c')
    .leftJoin('staff as s', 's.id', 'c.corrected_by')
    .select(['c.id', 'c.corrected_at', 'c.field_id', 'c.previous_value', 'c.reason', 's.first_name', 's.last_name'])
    .where('c.form_submission_id', '=', submissionId)
    .orderBy('c.corrected_at', 'desc')
    .execute();
  return rows.map((row) => {
    const previous = openField(dataKey, 'form_answer_corrections', 'previous_value', row.id, row.previous_value);
    return {
      at: row.corrected_at,
      byName: row.first_name ? `${row.first_name} ${row.last_name ?? ''}`.trim() : null,
      fieldId: row.field_id,
      previous: previous === null ? null : dataKey ? (JSON.parse(previous) as FormAnswer) : previous,
      reason: openField(dataKey, 'form_answer_corrections', 'reason', row.id, row.reason),
    };
  });
}

/** Holds a submission while one correction is made, so two at once do not lose either. */
export async function lockFormSubmission(db: DbOrTx, id: string): Promise<void> {
  await db.selectFrom('form_submissions').select('id').where('id', '=', id).forUpdate().execute();
}
