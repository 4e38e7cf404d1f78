import type { AgentConversation, InactivityWarning, Message, QueueItem, VisitorConversation } from '@ward/protocol';
import type { ConversationRecord, MessageRecord } from './conversation-records.repository.ts';
import { agentDisplayName } from './conversation.rules.ts';
import { readPreChatAnswers } from './pre-chat-answers.rules.ts';
import { readLocation } from './ip-location.rules.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The warning stands only while the chat is live (the next run clears one left on a chat back in a queue). */
function inactivityWarning(row: ConversationRecord): InactivityWarning {
  if (row.status !== 'active' || !row.inactivity_warned_at || !row.inactivity_closes_at) return null;
  return { warnedAt: row.inactivity_warned_at.toISOString(), closesAt: row.inactivity_closes_at.toISOString() };
}

export function toMessage(row: MessageRecord): Message {
  return {
    seq: row.seq,
    clientMessageId: row.client_message_id,
    sender: row.sender,
    senderName: row.sender_name,
    body: row.body,
    sentAt: row.created_at.toISOString(),
    consentEvidence: row.consent_evidence,
  };
}

export function toVisitorConversation(
  row: ConversationRecord,
  nameShown: 'first-name' | 'full-name',
  consentSummary: string,
): VisitorConversation {
  return {
    conversationId: row.id,
    caseReference: row.case_reference,
    status: row.status,
    topicLabel: row.topic_label,
    agentName: row.agent_first_name
      ? agentDisplayName(row.agent_first_name, row.agent_last_name ?? '', nameShown)
      : null,
    lastSeq: row.last_seq,
    consentRequest: row.consent_requested_at && !row.consent_given ? { summary: consentSummary } : null,
    inactivityWarning: inactivityWarning(row),
  };
}

export function toAgentConversation(row: ConversationRecord): AgentConversation {
  return {
    id: row.id,
    caseReference: row.case_reference,
    status: row.status,
    topicId: row.topic_id,
    topicLabel: row.topic_label,
    language: row.language,
    departmentId: row.department_id,
    visitorName: row.visitor_name,
    visitorEmail: row.visitor_email,
    assignedStaffId: row.assigned_staff_id,
    assignedStaffName: row.agent_first_name ? `${row.agent_first_name} ${row.agent_last_name ?? ''}`.trim() : null,
    createdAt: row.created_at.toISOString(),
    acceptedAt: iso(row.accepted_at),
    endedAt: iso(row.ended_at),
    summary: row.summary,
    consentGiven: row.consent_given,
    consentAsked: row.consent_requested_at !== null && !row.consent_given,
    inactivityWarning: inactivityWarning(row),
    lastSeq: row.last_seq,
    ipAddress: row.ip_address,
    browser: row.browser,
    operatingSystem: row.operating_system,
    location: readLocation(row.location),
    survey: row.survey_rating === null ? null : { rating: row.survey_rating, comment: row.survey_comment },
    preChatAnswers: readPreChatAnswers(row.pre_chat_answers),
  };
}

/** The queue carries no personal data, so showing it to every agent needs no audit entry. */
export function toQueueItem(
  row: Pick<ConversationRecord, 'id' | 'case_reference' | 'topic_label' | 'language' | 'created_at'> & {
    department_id: string;
  },
): QueueItem {
  return {
    id: row.id,
    caseReference: row.case_reference,
    topicLabel: row.topic_label,
    language: row.language,
    departmentId: row.department_id,
    waitingSince: row.created_at.toISOString(),
  };
}
