import { cannedReplyMaxChars, cannedReplyTitleMaxChars } from '@ward/protocol';

/** The errors of a canned reply about to be saved (the server checks the same). */
export function validateCannedReply(title: string, body: string): Partial<Record<'title' | 'body', string>> {
  const errors: Partial<Record<'title' | 'body', string>> = {};
  if (title.trim() === '') errors.title = 'Enter a title';
  else if (title.trim().length > cannedReplyTitleMaxChars)
    errors.title = `The title must be ${cannedReplyTitleMaxChars} characters or fewer`;
  if (body.trim() === '') errors.body = 'Enter the text of the reply';
  else if (body.trim().length > cannedReplyMaxChars)
    errors.body = `The text must be ${cannedReplyMaxChars} characters or fewer`;
  return errors;
}
