import type { Language } from '@ward/protocol';
import { fill, textsIn } from '../../shared/resident-texts/resident-texts.ts';

/**
 * The plain-text email a resident receives after sending a form: the case reference and what happens next, not their
 * answers. In the language they used the form in (ADR 50).
 */
export function renderFormConfirmation(input: {
  organisationName: string;
  formTitle: string;
  caseReference: string;
  whatHappensNext: string;
  language?: Language;
}): { subject: string; text: string } {
  const says = textsIn(input.language ?? 'en').formEmail;
  const values = { council: input.organisationName, form: input.formTitle, reference: input.caseReference };
  return {
    subject: fill(says.subject, values),
    text: [
      says.hello,
      '',
      fill(says.received, values),
      fill(says.reference, values),
      '',
      says.whatHappensNext,
      input.whatHappensNext,
      '',
      says.sentBecause,
    ].join('\n'),
  };
}
