import { inactivityEndedMessages, type AgentConversation, type InactivityWarning, type Message } from '@ward/protocol';
import { announcementsEn, type AnnouncementTexts } from './announcements-en.ts';

/**
 * What the adviser is told of a silent chat (ADR 43), pure: Ward warned the resident it will close,
 * the resident stayed, or Ward closed it.
 */

/** The warning still standing: none once the resident or an adviser wrote after it (the server clears it later). */
export function standingWarning(conversation: AgentConversation, messages: readonly Message[]): InactivityWarning {
  const warning = conversation.inactivityWarning;
  if (!warning || conversation.status !== 'active') return null;
  const warnedAt = Date.parse(warning.warnedAt);
  const answered = messages.some((m) => m.sender !== 'system' && Date.parse(m.sentAt) >= warnedAt);
  return answered ? null : warning;
}

/** Ward ended the chat because nobody wrote (its last line says so). */
export function closedForInactivity(messages: readonly Message[]): boolean {
  const last = messages.at(-1);
  // Written in the chat's language (ADR 49).
  return last?.sender === 'system' && Object.values<string>(inactivityEndedMessages).includes(last.body);
}

export function warningText(
  warning: NonNullable<InactivityWarning>,
  visitorName: string,
  says: AnnouncementTexts = announcementsEn,
): string {
  return says.warningText(says.time(warning.closesAt), visitorName);
}

/** The polite announcement when a live chat's warning comes or goes; null for anything else. */
export function inactivityAnnouncement(
  before: { conversation: AgentConversation; messages: readonly Message[] },
  after: AgentConversation,
  says: AnnouncementTexts = announcementsEn,
): string | null {
  if (after.status !== 'active') return null;
  const reference = after.caseReference;
  const was = standingWarning(before.conversation, before.messages);
  if (
    !was &&
    after.inactivityWarning &&
    after.inactivityWarning.closesAt !== before.conversation.inactivityWarning?.closesAt
  )
    return says.warned(reference, after.visitorName, warningText(after.inactivityWarning, after.visitorName, says));
  // Cleared with nobody having written since: the resident chose to stay.
  if (was && !after.inactivityWarning) return says.choseToStay(after.visitorName, reference);
  return null;
}
