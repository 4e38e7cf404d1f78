import type { ContactEventKind } from '@ward/protocol';
import type { OrganisationSettings } from '../../shared/organisation-settings.ts';

/** The parts of a chat its contact events carry (ADR 36): ids and times, nothing of the resident. */
export type ChatEventFacts = {
  id: string;
  organisation_id: string;
  topic_id: string;
  assigned_staff_id: string | null;
};

/**
 * A chat's contact event: its topic, and the department that topic belongs to in the settings
 * (the department its case was opened in), so reports need no join to filter by either.
 */
export function chatEvent(
  settings: Pick<OrganisationSettings, 'topics'>,
  chat: ChatEventFacts,
  kind: ContactEventKind,
  extra: { staffId?: string | null; value?: number | null } = {},
) {
  return {
    organisationId: chat.organisation_id,
    kind,
    channel: 'chat' as const,
    contactId: chat.id,
    departmentId: settings.topics.find((topic) => topic.id === chat.topic_id)?.department ?? null,
    topicId: chat.topic_id,
    staffId: extra.staffId === undefined ? chat.assigned_staff_id : extra.staffId,
    value: extra.value ?? null,
  };
}

/** Milliseconds from `from` to `to`, never negative (clocks of two nodes may differ a little). */
export const millisBetween = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());
