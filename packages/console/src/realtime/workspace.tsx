import type { Ack, AgentResumeResult } from '@ward/protocol';
import { useAnnouncementTexts } from './use-announcement-texts.ts';
import type { ReactNode } from 'react';
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { fetchCurrentStaff } from '../api/auth.ts';
import { saveSummary } from '../api/conversations.ts';
import { useSession, useStaff } from '../session/session.tsx';
import { useAnnounce } from '../ui/Announcer.tsx';
import { AgentSession } from './agent-session.ts';
import { playAlert } from './alert-output.ts';
import type { WorkspaceSnapshot } from './agent-session.ts';
import { createAgentSocket } from './socket.ts';
import { CaseEventsContext } from './use-case-events.ts';
import { ChatWorkContext } from './use-chat-work.ts';
import { WallboardHintsContext } from './use-wallboard-hints.ts';
import { AgentStatusContext } from './use-agent-status.ts';

/** The snapshot and the agent's actions; each async action resolves to an error message to show, or null. */
export interface Workspace extends WorkspaceSnapshot {
  accept: (conversationId: string) => Promise<string | null>;
  select: (conversationId: string) => void;
  send: (conversationId: string, body: string) => void;
  retry: (conversationId: string, clientMessageId: string) => void;
  markConsent: (conversationId: string, seq: number) => Promise<string | null>;
  askForConsent: (conversationId: string) => Promise<string | null>;
  /** The agent ends an active chat with a summary; the chat leaves the open list. */
  endChat: (conversationId: string, summary: string) => Promise<string | null>;
  /** Saves the summary of a chat the resident ended, then closes it. */
  saveSummaryAndClose: (conversationId: string, summary: string) => Promise<string | null>;
  close: (conversationId: string) => void;
  /** The agent hid the notice about what Ward removed from their message. */
  hideRedactions: (conversationId: string) => void;
  setDraft: (conversationId: string, text: string) => void;
  setViewing: (viewing: boolean) => void;
  /** Supervision (issue 11): open a live chat read-only, stop, take it over. */
  watch: (conversationId: string) => Promise<Ack<AgentResumeResult>>;
  unwatch: (conversationId: string) => void;
  takeOver: (conversationId: string) => Promise<string | null>;
  watchEvents: AgentSession['watchEvents'];
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/**
 * Keeps the agent's `AgentSession` (socket and chats) for as long as they are signed in, so moving
 * between pages keeps the chats, their unread counts and their announcements. Only wiring: the
 * logic is in agent-session.ts.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const staff = useStaff();
  const { expired } = useSession();
  const announce = useAnnounce();
  // The session outlives a change of language: it reads the words of the moment (ADR 51).
  const says = useAnnouncementTexts();
  const saysNow = useRef(says);
  useEffect(() => {
    saysNow.current = says;
  }, [says]);
  // One session per provider: the provider is unmounted when the agent signs out.
  const [session] = useState(
    () =>
      new AgentSession({
        openSocket: createAgentSocket,
        staffId: staff.id,
        announce,
        says: () => saysNow.current,
        stillSignedIn: async () => (await fetchCurrentStaff()) !== null,
        signedOut: expired,
        saveSummary,
        alert: (alert) => playAlert(alert, saysNow.current.alerts),
        pageVisible: () => document.visibilityState !== 'hidden',
      }),
  );
  useEffect(() => {
    session.start();
    return () => session.dispose();
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, () => session.snapshot);

  const actions = useMemo(
    () => ({
      accept: (id: string) => session.accept(id),
      select: (id: string) => session.select(id),
      send: (id: string, body: string) => session.send(id, body),
      retry: (id: string, clientMessageId: string) => session.retry(id, clientMessageId),
      markConsent: (id: string, seq: number) => session.markConsent(id, seq),
      askForConsent: (id: string) => session.askForConsent(id),
      endChat: (id: string, summary: string) => session.endChat(id, summary),
      saveSummaryAndClose: (id: string, summary: string) => session.saveSummaryAndClose(id, summary),
      close: (id: string) => session.close(id),
      hideRedactions: (id: string) => session.hideRedactions(id),
      setDraft: (id: string, text: string) => session.setDraft(id, text),
      setViewing: (viewing: boolean) => session.setViewing(viewing),
      watch: (id: string) => session.supervision.watch(id),
      unwatch: (id: string) => session.supervision.unwatch(id),
      takeOver: (id: string) => session.supervision.takeOver(id),
      watchEvents: session.watchEvents,
    }),
    [session],
  );
  const value = useMemo<Workspace>(() => ({ ...snapshot, ...actions }), [snapshot, actions]);
  return (
    <WorkspaceContext value={value}>
      {/* A context of its own, so a chat message does not re-render case pages. */}
      <CaseEventsContext value={session.caseEvents}>
        <WallboardHintsContext value={session.wallboardHints}>
          <ChatWorkContext value={session.chatWork}>
            <AgentStatusContext value={session.agentStatus}>{children}</AgentStatusContext>
          </ChatWorkContext>
        </WallboardHintsContext>
      </CaseEventsContext>
    </WorkspaceContext>
  );
}
