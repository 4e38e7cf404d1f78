import type { FormAnswer, FormDefinition, FormSubmissionView } from '@ward/protocol';

type Correction = FormSubmissionView['answers'][number]['correction'];

/**
 * How staff may correct an answer (issue 9, rectification): a text, a date or one option, in the
 * form the resident's own page accepts. Ticked boxes and map locations are not corrected here.
 */
export function correctionOf(form: FormDefinition | null, fieldId: string, answer: FormAnswer): Correction {
  const field = form?.fields.find((f) => f.id === fieldId);
  if (!field || typeof answer !== 'string') return null;
  if (field.type === 'radios' || field.type === 'select')
    return { type: 'choice', current: answer, options: field.options.map(({ value, label }) => ({ value, label })) };
  if (field.type === 'date') return { type: 'date', current: answer, options: [] };
  if (field.type === 'checkbox' || field.type === 'location') return null;
  return { type: 'text', current: answer, options: [] };
}
