import { cannedReplyMaxChars, cannedReplyTitleMaxChars } from '@ward/protocol';
import { cannedRepliesEn, type CannedRepliesTexts } from './texts-en.ts';

/** The errors of a canned reply about to be saved (the server checks the same), in the console's language. */
export function validateCannedReply(
  title: string,
  body: string,
  says: CannedRepliesTexts['errors'] = cannedRepliesEn.errors,
): Partial<Record<'title' | 'body', string>> {
  const errors: Partial<Record<'title' | 'body', string>> = {};
  if (title.trim() === '') errors.title = says.enterTitle;
  else if (title.trim().length > cannedReplyTitleMaxChars) errors.title = says.titleTooLong;
  if (body.trim() === '') errors.body = says.enterText;
  else if (body.trim().length > cannedReplyMaxChars) errors.body = says.textTooLong;
  return errors;
}
