import type { ConversationStatus } from '@ward/protocol';
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

const statusTags: Record<ConversationStatus, { text: string; colour: 'yellow' | 'green' | 'grey' }> = {
  waiting: { text: 'Waiting', colour: 'yellow' },
  active: { text: 'Active', colour: 'green' },
  ended: { text: 'Ended', colour: 'grey' },
};

export function StatusTag({ status }: { status: ConversationStatus }) {
  const tag = statusTags[status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}
