import { caseNoteMaxChars, emailLimits, limits } from '@ward/protocol';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';

/** Checks for the case page's small forms; each returns the value to send or the error to show. */
export type Checked<T> = { value: T } | { error: string };

function checkText(typed: string, empty: string, max: number, tooLong: string): Checked<string> {
  const text = typed.trim();
  if (text === '') return { error: empty };
  if (text.length > max) return { error: tooLong };
  return { value: text };
}

export const checkNote = (typed: string) =>
  checkText(typed, 'Enter a note', caseNoteMaxChars, `The note must be ${caseNoteMaxChars} characters or fewer`);

export const checkSummary = (typed: string) =>
  checkText(
    typed,
    'Enter a summary',
    limits.summaryMaxChars,
    `The summary must be ${limits.summaryMaxChars} characters or fewer`,
  );

export const checkReply = (typed: string) =>
  checkText(
    typed,
    'Write your reply',
    emailLimits.replyMaxChars,
    `Your reply must be ${emailLimits.replyMaxChars.toLocaleString('en-GB')} characters or fewer`,
  );

/** A related case's reference: well formed, and not this case's own. */
export function checkLinkReference(typed: string, ownReference: string, linked: readonly string[]): Checked<string> {
  const checked = checkCaseReference(typed);
  if ('error' in checked) return { error: checked.error };
  if (checked.caseReference === ownReference) return { error: 'Enter the reference of another case, not this one' };
  if (linked.includes(checked.caseReference))
    return { error: `${checked.caseReference} is already linked to this case` };
  return { value: checked.caseReference };
}

export function checkChoice(value: string, message: string): Checked<string> {
  return value === '' ? { error: message } : { value };
}
