import type {
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryEvent,
  WebhookErrorKind,
  WebhookEvent,
} from '@ward/protocol';
import type { DeliveryRow, WebhookRow } from './webhooks.repository.ts';

export const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: row.events as WebhookEvent[],
  paused: row.paused_at !== null,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

export const toWebhookDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  event: row.event as WebhookDeliveryEvent,
  state: row.state,
  createdAt: row.created_at.toISOString(),
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastErrorKind: row.last_error_kind as WebhookErrorKind | null,
  nextAttemptAt: row.next_attempt_at && row.state === 'pending' ? row.next_attempt_at.toISOString() : null,
  attemptLog: row.attempt_log as WebhookAttempt[],
});
