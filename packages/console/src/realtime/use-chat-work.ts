import type { ChatNote } from '@ward/protocol';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ChatWork } from './chat-work.ts';
import { notConnectedMessage } from './socket.ts';

/** Provided by the workspace (workspace.tsx), which owns the socket. */
export const ChatWorkContext = createContext<ChatWork | null>(null);

export function useChatWork(): ChatWork {
  const work = useContext(ChatWorkContext);
  if (!work) throw new Error('useChatWork outside WorkspaceProvider');
  return work;
}

/** A chat's notes, transfer notes and whispers: read once (an audited read), then kept up to date. */
export function useChatNotes(conversationId: string): { notes: ChatNote[]; problem: string | null } {
  const work = useChatWork();
  const [state, setState] = useState<{ id: string; notes: ChatNote[]; problem: string | null }>({
    id: conversationId,
    notes: [],
    problem: null,
  });
  useEffect(() => {
    let cancelled = false;
    const add = (note: ChatNote) =>
      setState((current) =>
        current.notes.some((n) => n.id === note.id) ? current : { ...current, notes: [...current.notes, note] },
      );
    const stop = work.onNote((event) => {
      if (event.conversationId === conversationId) add(event.note);
    });
    setState({ id: conversationId, notes: [], problem: null });
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A page opened straight from an address may come before the socket connects: read once it has.
    const read = (attemptsLeft: number) =>
      void work.listNotes(conversationId).then((result) => {
        if (cancelled) return;
        if (result === notConnectedMessage && attemptsLeft > 0) retry = setTimeout(() => read(attemptsLeft - 1), 1000);
        else if (typeof result === 'string') setState((current) => ({ ...current, problem: result }));
        else for (const note of result) add(note);
      });
    read(10);
    return () => {
      cancelled = true;
      clearTimeout(retry);
      stop();
    };
  }, [work, conversationId]);
  return state.id === conversationId ? state : { notes: [], problem: null };
}
