import type { CreateWebhookBody, WebhookDeliveryEvent, WebhookErrorKind, WebhookEvent } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type WebhookField = 'url' | 'events' | 'description';

/** Each event in words, for the form's checkboxes and the delivery log. */
export const eventDescriptions: Record<WebhookDeliveryEvent, { label: string; hint: string }> = {
  'chat.started': { label: 'Chat started', hint: 'A resident started a chat and is waiting.' },
  'chat.accepted': { label: 'Chat accepted', hint: 'An agent accepted a chat.' },
  'chat.ended': { label: 'Chat ended', hint: 'A chat ended.' },
  'case.created': { label: 'Case opened', hint: 'A case was opened by a chat, a form, an email or a logged contact.' },
  'case.status-changed': { label: 'Case status changed', hint: 'A case moved to another status.' },
  'case.closed': { label: 'Case closed', hint: 'A case was closed.' },
  'case.updated': {
    label: 'Case updated',
    hint: 'Anything else changed on a case: owner, department, a note, a link or the summary.',
  },
  ping: { label: 'Test ping', hint: 'Sent from this page to check the connection.' },
};

/** What went wrong with an attempt, in words. */
export const errorKindDescriptions: Record<WebhookErrorKind, string> = {
  'http-status': 'The receiver did not answer with success',
  timeout: 'No answer within 10 seconds',
  network: 'Could not connect',
  'address-not-allowed': 'Target address not allowed',
  'too-many-redirects': 'More than 3 redirects',
  'bad-redirect': 'Redirected to an address Ward cannot use',
};

export function validateWebhook(
  url: string,
  events: readonly WebhookEvent[],
  description: string,
): { errors: FieldErrors<WebhookField>; body: CreateWebhookBody | null } {
  const errors: FieldErrors<WebhookField> = {};
  const trimmed = url.trim();
  if (trimmed === '') errors.url = 'Enter the address Ward sends to';
  else if (trimmed.length > 2000) errors.url = 'The address must be 2000 characters or fewer';
  else if (!/^https?:\/\/[^\s/]+/i.test(trimmed))
    errors.url = 'Enter an address starting with https:// (or http://), like https://crm.council.example/ward';
  if (events.length === 0) errors.events = 'Select at least one event to send';
  if (description.trim().length > 200) errors.description = 'The description must be 200 characters or fewer';
  const body =
    Object.keys(errors).length === 0
      ? {
          url: trimmed,
          events: [...new Set(events)],
          ...(description.trim() ? { description: description.trim() } : {}),
        }
      : null;
  return { errors, body };
}
