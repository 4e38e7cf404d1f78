import type { OutboxEmail } from '@ward/protocol';
import { getJson } from './http.ts';

export async function fetchOutbox(): Promise<OutboxEmail[]> {
  const { emails } = await getJson<{ emails: OutboxEmail[] }>('/api/outbox');
  return emails;
}
