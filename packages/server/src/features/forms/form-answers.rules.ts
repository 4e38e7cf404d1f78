import type { FormAnswer, FormAnswerInput, FormDefinition, Language } from '@ward/protocol';
import type { RedactionCategory } from '@ward/protocol';
import { redact } from '../redaction/redaction.rules.ts';
import type { RecordDetailValue } from '../records/record-details.rules.ts';
import { validateField, type FieldError } from './field-validation.rules.ts';
import { textsIn } from '../../shared/resident-texts/resident-texts.ts';

/** A submission's answers after validation: field id → normalised answer; blank optional fields are left out. */
export type FormAnswers = Record<string, FormAnswer>;

export type SubmissionInput = { answers: Record<string, FormAnswerInput>; consent?: boolean };
export type SubmissionCheck =
  | { ok: true; answers: FormAnswers; consentGiven: boolean }
  | { ok: false; errors: FieldError[] }
  /** The input answers questions the form does not ask: refused outright, not shown back. */
  | { ok: false; unknownField: true };

export const consentError: FieldError = {
  field: 'consent',
  href: '#consent',
  message: 'Confirm that you have read how we use your information',
};

/** Every field checked, in the form's order, so the error summary lists problems top to bottom. */
export function checkSubmission(
  form: FormDefinition,
  input: SubmissionInput,
  today: string,
  language: Language = 'en',
): SubmissionCheck {
  const known = new Set(form.fields.map((field) => field.id));
  if (Object.keys(input.answers).some((id) => !known.has(id))) return { ok: false, unknownField: true };
  const answers: FormAnswers = {};
  const errors: FieldError[] = [];
  for (const field of form.fields) {
    const result = validateField(
      field,
      Object.hasOwn(input.answers, field.id) ? input.answers[field.id] : undefined,
      today,
      language,
    );
    if (!result.ok) errors.push(result.error);
    else if (result.value !== null) answers[field.id] = result.value;
  }
  for (const group of form.atLeastOne) {
    const first = form.fields.find((f) => f.id === group.fields[0]);
    const answered = group.fields.some((id) => answers[id] !== undefined || errors.some((e) => e.field === id));
    if (first && !answered) errors.push({ field: first.id, href: `#${first.id}`, message: group.message });
  }
  if (form.consent && input.consent !== true)
    errors.push({ ...consentError, message: textsIn(language).validation.consent });
  const position = (id: string) => {
    const index = form.fields.findIndex((f) => f.id === id);
    return index < 0 ? form.fields.length : index;
  };
  errors.sort((a, b) => position(a.field) - position(b.field));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers, consentGiven: input.consent === true };
}

/**
 * Free text is redacted before it is stored (ADR 9): card numbers, bank details and National
 * Insurance numbers become markers. Options, dates, emails, phone numbers and postcodes are
 * already reduced to safe shapes by validation.
 */
export function redactAnswers(
  form: FormDefinition,
  answers: FormAnswers,
  enabled: readonly RedactionCategory[],
): { answers: FormAnswers; categories: RedactionCategory[] } {
  const found = new Set<RedactionCategory>();
  const run = (text: string) => {
    const result = redact(text, enabled);
    result.categories.forEach((c) => found.add(c));
    return result.text;
  };
  const redacted: FormAnswers = { ...answers };
  for (const field of form.fields) {
    const answer = answers[field.id];
    if (answer === undefined) continue;
    if ((field.type === 'text' || field.type === 'textarea') && typeof answer === 'string')
      redacted[field.id] = run(answer);
    if (field.type === 'location' && typeof answer === 'object' && !Array.isArray(answer))
      redacted[field.id] = { ...answer, where: run(answer.where) };
  }
  return { answers: redacted, categories: enabled.filter((c) => found.has(c)) };
}

/** What a submission tells the customer record (ADR 14): the fields the form says feed it. */
export function recordIntakeOf(
  form: FormDefinition,
  answers: FormAnswers,
): { email: string | null; quotedCaseReference: string | null; details: RecordDetailValue[] } {
  const details: RecordDetailValue[] = [];
  let email: string | null = null;
  let quotedCaseReference: string | null = null;
  for (const field of form.fields) {
    const answer = answers[field.id];
    if (answer === undefined) continue;
    if (field.type === 'case-reference' && typeof answer === 'string') quotedCaseReference = answer;
    const feeds = 'recordField' in field ? field.recordField : undefined;
    if (!feeds) continue;
    if (feeds === 'name' && typeof answer === 'string') details.push({ kind: 'name', name: answer });
    if (feeds === 'email' && typeof answer === 'string') {
      email = answer;
      details.push({ kind: 'email', address: answer });
    }
    if (feeds === 'phone' && typeof answer === 'string') details.push({ kind: 'phone', number: answer, label: null });
    if (feeds === 'address') {
      if (typeof answer === 'string')
        details.push({ kind: 'address', lines: [], town: null, postcode: answer, uprn: null });
      else if (!Array.isArray(answer) && answer.postcode)
        details.push({ kind: 'address', lines: [answer.where], town: null, postcode: answer.postcode, uprn: null });
    }
  }
  return { email, quotedCaseReference, details };
}

/** The first answer of an email field: where the confirmation goes. */
export function confirmationEmailOf(form: FormDefinition, answers: FormAnswers): string | null {
  const field = form.fields.find((f) => f.type === 'email' && typeof answers[f.id] === 'string');
  return field ? (answers[field.id] as string) : null;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Answers as people read them: option labels, dates in words; a field no longer in the form by its id. */
export function displayAnswers(
  form: FormDefinition | null,
  answers: FormAnswers,
): Array<{ fieldId: string; label: string; value: string }> {
  const fields = form?.fields ?? [];
  const ordered = [
    ...fields.map((f) => f.id).filter((id) => id in answers),
    ...Object.keys(answers).filter((id) => !fields.some((f) => f.id === id)),
  ];
  return ordered.map((id) => {
    const field = fields.find((f) => f.id === id);
    const answer = answers[id]!;
    const label = field?.label ?? id;
    if (field && 'options' in field) {
      const chosen = Array.isArray(answer) ? answer : [answer as string];
      return {
        fieldId: id,
        label,
        value: chosen.map((v) => field.options.find((o) => o.value === v)?.label ?? v).join(', '),
      };
    }
    if (field?.type === 'date' && typeof answer === 'string')
      return { fieldId: id, label, value: longDate.format(new Date(`${answer}T00:00:00Z`)) };
    if (typeof answer === 'string') return { fieldId: id, label, value: answer };
    if (Array.isArray(answer)) return { fieldId: id, label, value: answer.join(', ') };
    return { fieldId: id, label, value: answer.postcode ? `${answer.where}, ${answer.postcode}` : answer.where };
  });
}
