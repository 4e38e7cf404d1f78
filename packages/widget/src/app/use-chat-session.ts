import { useEffect, useRef, useState } from 'preact/hooks';
import type { Message, RedactionCategory } from '@ward/protocol';
import { ChatSession } from './chat-session.ts';
import type { ChatSnapshot } from './chat-session.ts';
import type { StoredConversation } from './storage.ts';

export interface ChatSessionCallbacks {
  onConversation: (conversation: StoredConversation) => void;
  onIncoming: (messages: Message[]) => void;
  onRefused: (body: string) => void;
  onRedacted: (categories: RedactionCategory[]) => void;
}

/** Runs a ChatSession while the conversation is open (not ended) and re-renders on each change. */
export function useChatSession(
  organisation: string,
  conversation: StoredConversation | null,
  callbacks: ChatSessionCallbacks,
) {
  const [snapshot, setSnapshot] = useState<ChatSnapshot | null>(null);
  const session = useRef<ChatSession | null>(null);
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const start = useRef(conversation);
  start.current = conversation;
  const liveId = conversation && conversation.status !== 'ended' ? conversation.conversationId : null;

  useEffect(() => {
    const initial = start.current;
    if (!liveId || !initial) return;
    const current = new ChatSession(organisation, initial, {
      onChange: (next) => {
        setSnapshot(next);
        latest.current.onConversation(next.conversation);
      },
      onIncoming: (messages) => latest.current.onIncoming(messages),
      onRefused: (body) => latest.current.onRefused(body),
      onRedacted: (categories) => latest.current.onRedacted(categories),
    });
    session.current = current;
    setSnapshot(current.snapshot);
    current.start();
    return () => {
      current.dispose();
      session.current = null;
      setSnapshot(null);
    };
  }, [organisation, liveId]);

  return { snapshot, session };
}
