import type { ConversationStatus, Language } from '@ward/protocol';
import type { ReactNode } from 'react';
import { uiEn } from './texts-en.ts';
import { useUiTexts } from './texts.ts';

export function Tag({
  colour,
  children,
}: {
  colour?: 'grey' | 'green' | 'blue' | 'yellow' | 'red' | 'purple';
  children: ReactNode;
}) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

/** The language a resident chats in (ADR 49), by name, in English; `useUiTexts().languageNames` in the console's. */
export const languageNames: Record<Language, string> = uiEn.languageNames;

const statusColours: Record<ConversationStatus, 'yellow' | 'green' | 'grey'> = {
  waiting: 'yellow',
  active: 'green',
  ended: 'grey',
};

export function StatusTag({ status }: { status: ConversationStatus }) {
  return <Tag colour={statusColours[status]}>{useUiTexts().statuses[status]}</Tag>;
}
