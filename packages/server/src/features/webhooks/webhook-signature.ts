import { createHmac } from 'node:crypto';

/**
 * `Ward-Signature: v1=<hex HMAC-SHA-256 over "<timestamp>.<raw body>">` with the webhook's own
 * secret (ADR 24). The timestamp (Unix seconds) is signed too, so a receiver can refuse replays.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookHeaders(input: {
  webhookId: string;
  deliveryId: string;
  event: string;
  secret: string;
  body: string;
  now: Date;
}): Record<string, string> {
  const timestamp = Math.floor(input.now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Ward-Webhooks/1',
    'ward-webhook-id': input.webhookId,
    'ward-delivery-id': input.deliveryId,
    'ward-event': input.event,
    'ward-timestamp': String(timestamp),
    'ward-signature': webhookSignature(input.secret, timestamp, input.body),
  };
}
