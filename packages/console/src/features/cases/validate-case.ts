import { caseNoteMaxChars, emailLimits, limits } from '@ward/protocol';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';
import { casesEn, type CasesTexts } from './texts-en.ts';

/** Checks for the case page's small forms; each returns the value to send or the error to show. */
export type Checked<T> = { value: T } | { error: string };

function checkText(typed: string, empty: string, max: number, tooLong: string): Checked<string> {
  const text = typed.trim();
  if (text === '') return { error: empty };
  if (text.length > max) return { error: tooLong };
  return { value: text };
}

export const checkNote = (typed: string, t: CasesTexts = casesEn) =>
  checkText(typed, t.errors.enterNote, caseNoteMaxChars, t.errors.noteTooLong);

export const checkSummary = (typed: string, t: CasesTexts = casesEn) =>
  checkText(typed, t.errors.enterSummary, limits.summaryMaxChars, t.errors.summaryTooLong);

export const checkReply = (typed: string, t: CasesTexts = casesEn) =>
  checkText(typed, t.errors.writeReply, emailLimits.replyMaxChars, t.errors.replyTooLong);

/** A related case's reference: well formed, and not this case's own. */
export function checkLinkReference(
  typed: string,
  ownReference: string,
  linked: readonly string[],
  t: CasesTexts = casesEn,
): Checked<string> {
  const checked = checkCaseReference(typed, t.errors);
  if ('error' in checked) return { error: checked.error };
  if (checked.caseReference === ownReference) return { error: t.errors.anotherCase };
  if (linked.includes(checked.caseReference)) return { error: t.errors.alreadyLinked(checked.caseReference) };
  return { value: checked.caseReference };
}

export function checkChoice(value: string, message: string): Checked<string> {
  return value === '' ? { error: message } : { value };
}
