import { limits } from '@ward/protocol';

/** The error for a reply the agent is about to send, or null when it can be sent. */
export function validateReply(body: string): string | null {
  if (body.trim() === '') return 'Enter a message';
  if (body.length > limits.messageBodyMaxChars)
    return `Your message must be ${limits.messageBodyMaxChars} characters or fewer`;
  return null;
}

export function validateSummary(summary: string): string | null {
  if (summary.trim() === '') return 'Enter a summary of the contact';
  if (summary.trim().length > limits.summaryMaxChars)
    return `The summary must be ${limits.summaryMaxChars} characters or fewer`;
  return null;
}
