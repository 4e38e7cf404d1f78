import { useCallback, useEffect, useState } from 'react';
import type { WatchedChat } from '../../realtime/watched-chats.ts';
import { applyWatchEvent } from '../../realtime/watched-chats.ts';
import { useWorkspace } from '../../realtime/workspace.tsx';
import { paths } from '../../route-match.ts';
import { Link, navigate } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { StatusTag } from '../../ui/Tag.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { MessageLog } from '../chats/MessageLog.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useShellTexts } from '../../i18n/shell.ts';
import { useSupervisionTexts } from './texts.ts';

type Opened = { status: 'loading' } | { status: 'ready'; chat: WatchedChat } | { status: 'error'; message: string };

const noActions = async () => null;

/**
 * A live chat a supervisor follows read-only (issue 11): the transcript as it happens, no reply
 * box. Opening it is audited on the server. "Take over" makes it theirs and opens it in their chats.
 */
export function WatchChatPage({ conversationId }: { conversationId: string }) {
  const workspace = useWorkspace();
  const { watch, unwatch, watchEvents, takeOver } = workspace;
  const connected = workspace.state.connection === 'connected';
  const announce = useAnnounce();
  const [opened, setOpened] = useState<Opened>({ status: 'loading' });
  const [taking, setTaking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const texts = useSupervisionTexts();
  const language = useLanguage();
  const { errorPrefix } = useShellTexts();

  const open = useCallback(async () => {
    const ack = await watch(conversationId);
    if (ack.ok) setOpened({ status: 'ready', chat: { conversation: ack.conversation, messages: ack.messages } });
    else setOpened({ status: 'error', message: ack.error.message });
  }, [watch, conversationId]);

  // Opened once connected (and again after a reconnect, as messages may have been missed).
  useEffect(() => {
    if (!connected) return;
    void open();
    const stop = watchEvents.add((event) => {
      if (event.type === 'reconnected') return void open();
      setOpened((current) =>
        current.status === 'ready' ? { status: 'ready', chat: applyWatchEvent(current.chat, event) } : current,
      );
    });
    return () => {
      stop();
      unwatch(conversationId);
    };
  }, [connected, open, watchEvents, unwatch, conversationId]);

  async function handleTakeOver() {
    if (taking) return;
    setTaking(true);
    setProblem(null);
    const refused = await takeOver(conversationId);
    setTaking(false);
    if (refused) return setProblem(refused);
    announce(texts.takenOver);
    navigate(paths.chats);
  }

  const back = (
    <Link className="govuk-back-link" href={paths.liveView}>
      {texts.backToLiveView}
    </Link>
  );
  if (opened.status !== 'ready') {
    return (
      <>
        {back}
        <PageTitle title={texts.chat} />
        {opened.status === 'loading' ? <Loading text={texts.opening} /> : <LoadError message={opened.message} />}
      </>
    );
  }
  const { conversation, messages } = opened.chat;
  const live = conversation.status === 'active';
  return (
    <>
      {back}
      <PageTitle title={texts.chatTitle(conversation.caseReference)} />
      <div className="govuk-inset-text">{texts.following}</div>
      <SummaryList
        rows={[
          { key: texts.resident, value: conversation.visitorName },
          { key: texts.topic, value: conversation.topicLabel },
          { key: texts.started, value: formatDateTime(conversation.createdAt, language) },
          { key: texts.status, value: <StatusTag status={conversation.status} /> },
        ]}
      />
      <MessageLog
        visitorName={conversation.visitorName}
        messages={messages}
        pending={[]}
        canMarkConsent={false}
        onMarkConsent={noActions}
        onRetry={() => undefined}
      />
      {/* A whisper to the agent (an internal note only they see) goes here. */}
      {live ? (
        <>
          <h2 className="govuk-heading-m govuk-!-margin-top-6">{texts.takeOverHeading}</h2>
          <p className="govuk-body">{texts.takeOverExplained}</p>
          {problem ? (
            <p className="govuk-error-message" role="alert">
              <span className="govuk-visually-hidden">{errorPrefix}</span> {problem}
            </p>
          ) : null}
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            aria-disabled={taking || undefined}
            onClick={() => void handleTakeOver()}
          >
            {texts.takeOver}
            <span className="govuk-visually-hidden"> {conversation.caseReference}</span>
          </button>
        </>
      ) : (
        <p className="govuk-body">{texts.chatEnded}</p>
      )}
    </>
  );
}
