import type { CannedReply } from '@ward/protocol';
import { deleteJson, getJson, postJson, putJson, segment } from './http.ts';

export type CannedReplyInput = { title: string; body: string; departmentId?: string };

/** Your canned replies and your departments'. */
export async function fetchCannedReplies(): Promise<CannedReply[]> {
  return (await getJson<{ cannedReplies: CannedReply[] }>('/api/canned-replies')).cannedReplies;
}

export async function createCannedReply(input: CannedReplyInput): Promise<CannedReply> {
  return (await postJson<{ cannedReply: CannedReply }>('/api/canned-replies', input)).cannedReply;
}

export async function updateCannedReply(id: string, input: CannedReplyInput): Promise<CannedReply> {
  return (await putJson<{ cannedReply: CannedReply }>(`/api/canned-replies/${segment(id)}`, input)).cannedReply;
}

export async function deleteCannedReply(id: string): Promise<void> {
  await deleteJson<unknown>(`/api/canned-replies/${segment(id)}`);
}
