import type { QueueItem } from '@ward/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useShellTexts } from '../../i18n/shell.ts';
import type { ConnectionState } from '../../realtime/workspace-state.ts';
import { selectedChat, visibleQueue } from '../../realtime/workspace-state.ts';
import { useWorkspace } from '../../realtime/workspace.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { AlertSettings } from './AlertSettings.tsx';
import { ChatContext } from './ChatContext.tsx';
import type { ChatShortcut } from './chat-shortcuts.ts';
import { neighbourChat } from './chat-shortcuts.ts';
import { AgentStatusForm } from './AgentStatusForm.tsx';
import { ChatPane } from './ChatPane.tsx';
import { ChatWorkspaceLayout } from './ChatWorkspaceLayout.tsx';
import { OpenChatsList } from './OpenChatsList.tsx';
import { QueueTable } from './QueueTable.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useChatShortcuts } from './use-chat-shortcuts.ts';
import { openCannedRepliesEvent } from './chat-shortcuts.ts';
import { useChatsTexts } from './texts.ts';

function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const texts = useChatsTexts();
  return (
    <div role="status">
      {connection === 'reconnecting' ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{texts.warning}</span>
            {texts.reconnecting}
          </strong>
        </div>
      ) : connection === 'connecting' ? (
        <p className="govuk-body">{texts.connecting}</p>
      ) : null}
    </div>
  );
}

/** The home page: the queue and the agent's open chats, the selected chat, and its resident's context. */
export function ChatsPage() {
  const workspace = useWorkspace();
  const { state, setViewing, accept, select } = workspace;
  const [flash, setFlash] = useState<{ id: number; text: string } | null>(null);
  const [focusComposerFor, setFocusComposerFor] = useState<string | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const announce = useAnnounce();
  const texts = useChatsTexts();
  const { thereIsAProblem } = useShellTexts();

  // Messages in the selected chat count as read only while this page is shown.
  useEffect(() => {
    setViewing(true);
    return () => setViewing(false);
  }, [setViewing]);

  const handleAccept = useCallback(
    async (item: QueueItem) => {
      const problem = await accept(item.id);
      if (!problem) {
        setFlash(null);
        setFocusComposerFor(item.id);
      }
      return problem;
    },
    [accept],
  );

  const chat = selectedChat(state);

  function focusReply(): boolean {
    const reply = state.selectedId ? document.getElementById(`reply-${state.selectedId}`) : null;
    reply?.focus();
    if (!reply) announce(chat ? texts.noReplyBox : texts.selectChatFirst);
    return reply !== null;
  }

  useChatShortcuts((shortcut: ChatShortcut) => {
    if (shortcut === 'show-shortcuts') return setShowShortcuts(true);
    if (shortcut === 'next-chat' || shortcut === 'previous-chat') {
      const ids = state.chats.map((open) => open.conversation.id);
      const id = neighbourChat(ids, state.selectedId, shortcut === 'next-chat' ? 1 : -1);
      if (!id) return announce(texts.noOpenChats);
      setFocusComposerFor(null);
      select(id);
      // Focus on the chat in the list: its name, case reference, wait and unread count are read out.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-chat-id="${id}"]`)?.focus());
      return;
    }
    if (shortcut === 'accept-next') {
      const [next] = [...visibleQueue(state)].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
      if (!next) return announce(texts.nobodyWaiting);
      void handleAccept(next).then((problem) => {
        if (problem) announce(texts.notAccepted(next.caseReference, problem));
      });
      return;
    }
    if (shortcut === 'focus-reply') return void focusReply();
    // Canned replies: their own component answers the event; until one does, the reply box is the place.
    const taken = !window.dispatchEvent(
      new CustomEvent(openCannedRepliesEvent, { cancelable: true, detail: { conversationId: state.selectedId } }),
    );
    if (!taken && focusReply()) announce(texts.noCannedReplies);
  });

  return (
    <>
      <div className="ward-chats-heading">
        <PageTitle title={texts.title} />
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => setShowShortcuts(true)}
        >
          {texts.keyboardShortcuts}
        </button>
      </div>
      <ShortcutsHelp open={showShortcuts} onClose={() => setShowShortcuts(false)} />
      <ConnectionStatus connection={state.connection} />
      {workspace.serverError ? (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">{thereIsAProblem}</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{workspace.serverError}</p>
          </div>
        </div>
      ) : null}
      {flash ? <NotificationBanner key={flash.id} success heading={flash.text} /> : null}

      <ChatWorkspaceLayout
        list={
          <>
            {/* First in the list column, so the conversation keeps the height of the screen. */}
            <AgentStatusForm />
            <OpenChatsList
              chats={state.chats}
              selectedId={state.selectedId}
              loading={state.connection === 'connecting'}
              onSelect={(id) => {
                setFocusComposerFor(null);
                select(id);
              }}
            />
            <QueueTable queue={state.queue === null ? null : visibleQueue(state)} onAccept={handleAccept} />
            <AlertSettings />
          </>
        }
        conversation={
          chat ? (
            <ChatPane
              key={chat.conversation.id}
              chat={chat}
              autoFocusComposer={focusComposerFor === chat.conversation.id}
              onClosed={(text) => {
                setFocusComposerFor(null);
                setFlash({ id: Date.now(), text });
              }}
            />
          ) : (
            <p className="govuk-body">{texts.whenYouAccept}</p>
          )
        }
        context={chat ? <ChatContext key={chat.conversation.id} chat={chat} /> : null}
      />
    </>
  );
}
