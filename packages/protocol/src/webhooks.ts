import * as z from 'zod';
import { webhookEvents } from './shared-constants.ts';

/**
 * Outgoing webhooks (ADR 24): Ward tells the council's other systems when chats and cases change.
 * Bodies carry ids, statuses, department ids, case references and times only: never personal data.
 */
export const WebhookEvent = z.enum(webhookEvents, 'Choose the events to send');
export type WebhookEvent = z.infer<typeof WebhookEvent>;
export { webhookEvents } from './shared-constants.ts';

/** What a delivery carries in `Ward-Event`: the events above, and `ping` (an administrator's test). */
export const WebhookDeliveryEvent = z.enum([...WebhookEvent.options, 'ping']);
export type WebhookDeliveryEvent = z.infer<typeof WebhookDeliveryEvent>;

export const webhookUrlMaxLength = 2000;

export const CreateWebhookBody = z.object({
  url: z
    .string('Enter the address Ward sends to')
    .trim()
    .min(1, 'Enter the address Ward sends to')
    .max(webhookUrlMaxLength, `The address must be ${webhookUrlMaxLength} characters or fewer`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'Enter an address starting with https:// (or http://), like https://crm.council.example/ward'),
  events: z
    .array(WebhookEvent, 'Choose the events to send')
    .min(1, 'Choose at least one event to send')
    .max(webhookEvents.length),
  description: z
    .string()
    .trim()
    .max(200, 'The description must be 200 characters or fewer')
    .optional()
    .transform((value) => (value ? value : null)),
});
export type CreateWebhookBody = z.input<typeof CreateWebhookBody>;

export const Webhook = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(WebhookEvent),
  /** Paused webhooks receive nothing new; what was already queued is still sent. */
  paused: z.boolean(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof Webhook>;

/** `secret` appears only here, once: the receiver checks `Ward-Signature` with it. */
export const CreatedWebhook = z.object({ webhook: Webhook, secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

/** pending: waiting for its first or next attempt; delivered: a 2xx; failed: given up (or refused). */
export const WebhookDeliveryState = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryState = z.infer<typeof WebhookDeliveryState>;

/** Why an attempt failed; never the receiver's answer itself. */
export const WebhookErrorKind = z.enum([
  'http-status',
  'timeout',
  'network',
  'address-not-allowed',
  'too-many-redirects',
  'bad-redirect',
]);
export type WebhookErrorKind = z.infer<typeof WebhookErrorKind>;

export const WebhookAttempt = z.object({
  attempt: z.number().int(),
  at: z.iso.datetime(),
  statusCode: z.number().int().nullable(),
  errorKind: WebhookErrorKind.nullable(),
  durationMs: z.number().int(),
  /** When the next attempt is due; null: none (delivered or given up). */
  nextAttemptAt: z.iso.datetime().nullable(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z.object({
  id: z.uuid(),
  event: WebhookDeliveryEvent,
  state: WebhookDeliveryState,
  createdAt: z.iso.datetime(),
  /** How many attempts so far. */
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastErrorKind: WebhookErrorKind.nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  attemptLog: z.array(WebhookAttempt),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** The delivery log shows this many, newest first. */
export const webhookDeliveryLogSize = 50;
