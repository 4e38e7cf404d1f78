/**
 * The plain-text email a resident receives after sending a form: the case reference and what happens next, not their
 * answers.
 */
export function renderFormConfirmation(input: {
  organisationName: string;
  formTitle: string;
  caseReference: string;
  whatHappensNext: string;
}): { subject: string; text: string } {
  return {
    subject: `${input.formTitle} – case reference ${input.caseReference}`,
    text: [
      'Hello,',
      '',
      `${input.organisationName} has received your form: ${input.formTitle}.`,
      `Your case reference is ${input.caseReference}. Quote it if you contact us about this again.`,
      '',
      'What happens next',
      input.whatHappensNext,
      '',
      'This email was sent because you gave this address on the form. Do not reply with card or bank details.',
    ].join('\n'),
  };
}
