import type { ConversationStatus, Language } from '@ward/protocol';
import type { ReactNode } from 'react';

export function Tag({
  colour,
  children,
}: {
  colour?: 'grey' | 'green' | 'blue' | 'yellow' | 'red' | 'purple';
  children: ReactNode;
}) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

/** The language a resident chats in (ADR 49), by name. */
export const languageNames: Record<Language, string> = { en: 'English', cy: 'Welsh' };

const statusTags: Record<ConversationStatus, { text: string; colour: 'yellow' | 'green' | 'grey' }> = {
  waiting: { text: 'Waiting', colour: 'yellow' },
  active: { text: 'Active', colour: 'green' },
  ended: { text: 'Ended', colour: 'grey' },
};

export function StatusTag({ status }: { status: ConversationStatus }) {
  const tag = statusTags[status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}
