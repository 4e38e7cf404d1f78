import type { CreateWebhookBody, WebhookEvent } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { webhooksEn, type WebhooksTexts } from './texts-en.ts';

export type WebhookField = 'url' | 'events' | 'description';

/** Each event, and what went wrong with an attempt, in English words (the Welsh is in texts-cy.ts). */
export const eventDescriptions = webhooksEn.eventDescriptions;
export const errorKindDescriptions = webhooksEn.errorKinds;

export function validateWebhook(
  url: string,
  events: readonly WebhookEvent[],
  description: string,
  says: WebhooksTexts['errors'] = webhooksEn.errors,
): { errors: FieldErrors<WebhookField>; body: CreateWebhookBody | null } {
  const errors: FieldErrors<WebhookField> = {};
  const trimmed = url.trim();
  if (trimmed === '') errors.url = says.enterUrl;
  else if (trimmed.length > 2000) errors.url = says.urlTooLong;
  else if (!/^https?:\/\/[^\s/]+/i.test(trimmed)) errors.url = says.urlNotWeb;
  if (events.length === 0) errors.events = says.selectEvent;
  if (description.trim().length > 200) errors.description = says.descriptionTooLong;
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
