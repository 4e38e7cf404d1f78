import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

export async function fetchApiKeys(): Promise<ApiKey[]> {
  return (await getJson<{ apiKeys: ApiKey[] }>('/api/api-keys')).apiKeys;
}

export function createApiKey(body: CreateApiKeyBody): Promise<CreatedApiKey> {
  return postJson<CreatedApiKey>('/api/api-keys', body);
}

export async function revokeApiKey(id: string): Promise<ApiKey> {
  return (await postJson<{ apiKey: ApiKey }>(`/api/api-keys/${segment(id)}/revoke`)).apiKey;
}
