import type { QueueItem } from '@ward/protocol';
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionState } from '../../realtime/workspace-state.ts';
import { selectedChat, visibleQueue } from '../../realtime/workspace-state.ts';
import { useWorkspace } from '../../realtime/workspace.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { ChatPane } from './ChatPane.tsx';
import { OpenChatsList } from './OpenChatsList.tsx';
import { QueueTable } from './QueueTable.tsx';

function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  return (
    <div role="status">
      {connection === 'reconnecting' ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Connection to Ward lost. Reconnecting… Messages you send will go when the connection is back.
          </strong>
        </div>
      ) : connection === 'connecting' ? (
        <p className="govuk-body">Connecting to Ward…</p>
      ) : null}
    </div>
  );
}

/** The home page: the queue, the agent's open chats, and the selected chat. */
export function ChatsPage() {
  const workspace = useWorkspace();
  const { state, setViewing, accept, select } = workspace;
  const [flash, setFlash] = useState<{ id: number; text: string } | null>(null);
  const [focusComposerFor, setFocusComposerFor] = useState<string | null>(null);

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

  return (
    <>
      <PageTitle title="Chats" />
      <ConnectionStatus connection={state.connection} />
      {workspace.serverError ? (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{workspace.serverError}</p>
          </div>
        </div>
      ) : null}
      {flash ? <NotificationBanner key={flash.id} success heading={flash.text} /> : null}

      <QueueTable queue={state.queue === null ? null : visibleQueue(state)} onAccept={handleAccept} />

      <div className="ward-workspace">
        <OpenChatsList
          chats={state.chats}
          selectedId={state.selectedId}
          loading={state.connection === 'connecting'}
          onSelect={(id) => {
            setFocusComposerFor(null);
            select(id);
          }}
        />
        <div>
          {chat ? (
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
            <p className="govuk-body">When you accept a chat, it opens here.</p>
          )}
        </div>
      </div>
    </>
  );
}
