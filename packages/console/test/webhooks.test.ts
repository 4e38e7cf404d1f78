import { describe, expect, it } from 'vitest';
import { CreateWebhookBody, WebhookDeliveryEvent, WebhookErrorKind } from '@ward/protocol';
import {
  errorKindDescriptions,
  eventDescriptions,
  validateWebhook,
} from '../src/features/webhooks/validate-webhook.ts';

describe('the add-a-webhook form', () => {
  it('asks for an address and at least one event', () => {
    expect(validateWebhook('', [], '').errors).toEqual({
      url: 'Enter the address Ward sends to',
      events: 'Select at least one event to send',
    });
    expect(validateWebhook('crm.council.example', ['case.created'], '').errors.url).toMatch(/starting with https:\/\//);
    expect(validateWebhook('https://crm.example/', ['case.created'], 'x'.repeat(201)).errors.description).toMatch(
      /200 characters/,
    );
  });

  it('sends what Ward accepts: trimmed, each event once, no empty description', () => {
    const { body } = validateWebhook(' https://crm.council.example/ward ', ['case.created', 'case.created'], '  ');
    expect(body).toEqual({ url: 'https://crm.council.example/ward', events: ['case.created'] });
    expect(CreateWebhookBody.safeParse(body).success).toBe(true);
  });

  it('has words for every event and every kind of failure', () => {
    for (const event of WebhookDeliveryEvent.options) expect(eventDescriptions[event].label).not.toBe('');
    for (const kind of WebhookErrorKind.options) expect(errorKindDescriptions[kind]).not.toBe('');
  });
});
