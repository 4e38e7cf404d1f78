import type { ReactNode } from 'react';

interface ChatWorkspaceLayoutProps {
  /** The queue and the agent's chats. */
  list: ReactNode;
  /** The selected chat: its messages and the reply box. */
  conversation: ReactNode;
  /** What is known about the resident: details, likely records, quoted cases. */
  context: ReactNode;
}

/**
 * The agent's workspace: three columns side by side on wide screens (1280 px and up), each
 * scrolling on its own so the reply box stays in view; stacked in the same order on narrow screens
 * and when zoomed. Parts of a chat go in one of the three slots, so new ones need no layout change.
 */
export function ChatWorkspaceLayout({ list, conversation, context }: ChatWorkspaceLayoutProps) {
  return (
    <div className="ward-workspace">
      <div className="ward-workspace__column ward-workspace__column--list">{list}</div>
      <div className="ward-workspace__column ward-workspace__column--conversation">{conversation}</div>
      <div className="ward-workspace__column ward-workspace__column--context">{context}</div>
    </div>
  );
}
