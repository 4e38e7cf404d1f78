import type { AgentConversation, ConversationStatus, ConversationWithMessages } from '@ward/protocol';
import { getJson, putJson, segment } from './http.ts';

export async function fetchConversations(status: ConversationStatus): Promise<AgentConversation[]> {
  const { conversations } = await getJson<{ conversations: AgentConversation[] }>(
    `/api/conversations?status=${encodeURIComponent(status)}`,
  );
  return conversations;
}

export function fetchConversationByReference(caseReference: string): Promise<ConversationWithMessages> {
  return getJson<ConversationWithMessages>(`/api/conversations/by-reference/${segment(caseReference)}`);
}

export async function saveSummary(conversationId: string, summary: string): Promise<AgentConversation> {
  const { conversation } = await putJson<{ conversation: AgentConversation }>(
    `/api/conversations/${segment(conversationId)}/summary`,
    { summary },
  );
  return conversation;
}
