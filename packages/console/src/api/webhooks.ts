import type { CreateWebhookBody, CreatedWebhook, Webhook, WebhookDelivery } from '@ward/protocol';
import { deleteJson, getJson, postJson, segment } from './http.ts';

export async function fetchWebhooks(): Promise<Webhook[]> {
  return (await getJson<{ webhooks: Webhook[] }>('/api/webhooks')).webhooks;
}

export async function fetchWebhook(id: string): Promise<Webhook> {
  return (await getJson<{ webhook: Webhook }>(`/api/webhooks/${segment(id)}`)).webhook;
}

export function createWebhook(body: CreateWebhookBody): Promise<CreatedWebhook> {
  return postJson<CreatedWebhook>('/api/webhooks', body);
}

export async function setWebhookPaused(id: string, paused: boolean): Promise<Webhook> {
  return (await postJson<{ webhook: Webhook }>(`/api/webhooks/${segment(id)}/${paused ? 'pause' : 'resume'}`)).webhook;
}

export async function deleteWebhook(id: string): Promise<void> {
  await deleteJson<unknown>(`/api/webhooks/${segment(id)}`);
}

export async function pingWebhook(id: string): Promise<WebhookDelivery> {
  return (await postJson<{ delivery: WebhookDelivery }>(`/api/webhooks/${segment(id)}/ping`)).delivery;
}

export async function fetchWebhookDeliveries(id: string): Promise<WebhookDelivery[]> {
  return (await getJson<{ deliveries: WebhookDelivery[] }>(`/api/webhooks/${segment(id)}/deliveries`)).deliveries;
}
