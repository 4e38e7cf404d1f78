import type {
  AgentConversation,
  ConversationCorrections,
  ConversationStatus,
  ConversationWithMessages,
} from '@ward/protocol';
import { getJson, postJson, putJson, segment } from './http.ts';

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

/** What is searched for is personal data: it goes in the body, never in the URL. */
export async function searchConversations(search: { email?: string; name?: string }): Promise<AgentConversation[]> {
  const { conversations } = await postJson<{ conversations: AgentConversation[] }>('/api/conversations/search', search);
  return conversations;
}

/** Rectification (ADR 29): the resident's name and email as corrected, with the reason for it. */
export async function correctConversationDetails(
  conversationId: string,
  body: { name: string; email: string; reason: string; rightsRequest: boolean },
): Promise<AgentConversation> {
  const { conversation } = await putJson<{ conversation: AgentConversation }>(
    `/api/conversations/${segment(conversationId)}/details`,
    body,
  );
  return conversation;
}

/** What corrections of a chat's details replaced, newest first (audited). */
export async function fetchConversationCorrections(
  conversationId: string,
): Promise<ConversationCorrections['corrections']> {
  return (await getJson<ConversationCorrections>(`/api/conversations/${segment(conversationId)}/corrections`))
    .corrections;
}
