import { useRef, useState } from 'react';
import type { OpenChat } from '../../realtime/workspace-state.ts';
import { useChatNotes } from '../../realtime/use-chat-work.ts';
import { closedForInactivity, standingWarning, warningText } from '../../realtime/inactivity-warning.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useWorkspace } from '../../realtime/workspace.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useAnnouncementTexts } from '../../realtime/use-announcement-texts.ts';
import { useChatsTexts } from './texts.ts';
import { WarningText } from '../../ui/WarningText.tsx';
import { MessageLog } from './MessageLog.tsx';
import { NotesForm } from './NotesForm.tsx';
import { ReplyComposer } from './ReplyComposer.tsx';
import { agentRedactionNotice } from './redaction-notice.ts';
import { SummaryForm } from './SummaryForm.tsx';
import { TransferForm } from './TransferForm.tsx';

interface ChatPaneProps {
  chat: OpenChat;
  autoFocusComposer: boolean;
  /** The chat has been ended and summarised (or closed) and has left the list. */
  onClosed: (text: string) => void;
}

/**
 * The selected chat: who it is with, the transcript, and the reply or end-of-chat forms. The
 * resident's context (details, records, quoted cases) is beside it, in ChatContext.
 */
export function ChatPane({ chat, autoFocusComposer, onClosed }: ChatPaneProps) {
  const workspace = useWorkspace();
  const { conversation } = chat;
  const id = conversation.id;
  const [ending, setEnding] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);
  const ended = conversation.status === 'ended';
  const name = conversation.visitorName;
  const { notes } = useChatNotes(id);
  const warning = standingWarning(conversation, chat.messages);
  const texts = useChatsTexts();
  const says = useAnnouncementTexts();

  function cancelEnding() {
    setEnding(false);
    requestAnimationFrame(() => endButton.current?.focus());
  }

  function closeChat() {
    workspace.close(id);
    onClosed(texts.chatClosed(conversation.caseReference));
  }

  async function endChat(summary: string) {
    const problem = await workspace.endChat(id, summary);
    if (!problem) onClosed(texts.chatEndedSaved(conversation.caseReference));
    return problem;
  }

  async function saveSummary(summary: string) {
    const problem = await workspace.saveSummaryAndClose(id, summary);
    if (!problem) onClosed(texts.summarySaved(conversation.caseReference));
    return problem;
  }

  return (
    <section className="ward-chat-pane" aria-labelledby="chat-heading">
      <div className="ward-chat-pane__header">
        <h2 id="chat-heading" className="govuk-heading-l govuk-!-margin-bottom-2 ward-chat-pane__title">
          {name}
        </h2>
        <p className="govuk-body govuk-!-margin-bottom-2">
          {texts.caseReferenceLine} <strong>{conversation.caseReference}</strong>
          <br />
          {texts.topicLine} {conversation.topicLabel}
        </p>
        {ended ? <Tag colour="grey">{texts.ended}</Tag> : <Tag colour="green">{texts.active}</Tag>}
        {/* Beside the status, not on a line of its own: the reply box stays in view at 1280×800. */}
        {conversation.language === 'en' ? null : (
          <>
            {' '}
            <Tag colour="purple">
              <span className="govuk-visually-hidden">{texts.language}</span>
              {texts.welsh}
            </Tag>
          </>
        )}
        {warning ? (
          <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            <Tag colour="yellow">{texts.noActivity}</Tag> {warningText(warning, name, says)}
          </p>
        ) : null}
      </div>

      {chat.problem ? <WarningText>{chat.problem}</WarningText> : null}

      <MessageLog
        visitorName={name}
        messages={chat.messages}
        notes={notes}
        pending={chat.pending}
        canMarkConsent={!ended}
        onMarkConsent={(seq) => workspace.markConsent(id, seq)}
        onRetry={(clientMessageId) => workspace.retry(id, clientMessageId)}
      />
      <p className="ward-typing">{chat.residentTyping && !ended ? texts.isTyping(name) : ''}</p>

      {ended && conversation.summary ? (
        <>
          <p className="govuk-body">{texts.endedAndSaved}</p>
          <button type="button" className="govuk-button" data-module="govuk-button" onClick={closeChat}>
            {texts.closeChat}
          </button>
        </>
      ) : ending ? (
        <>
          <h3 className="govuk-heading-m">{texts.endChatWith(name)}</h3>
          {ended ? <WarningText>{texts.residentHasEnded(name)}</WarningText> : null}
          <SummaryForm
            conversationId={id}
            submitText={texts.saveSummaryAndEnd}
            onSubmit={endChat}
            onCancel={cancelEnding}
            autoFocus
          />
        </>
      ) : ended ? (
        <>
          <WarningText>
            {closedForInactivity(chat.messages) ? texts.closedNoActivity : texts.residentEndedWrite(name)}
          </WarningText>
          <SummaryForm conversationId={id} submitText={texts.saveSummary} onSubmit={saveSummary} autoFocus={false} />
        </>
      ) : (
        <>
          {chat.redactions ? (
            <NotificationBanner heading={agentRedactionNotice(chat.redactions, says).heading}>
              <p className="govuk-body">{agentRedactionNotice(chat.redactions, says).advice}</p>
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                data-module="govuk-button"
                onClick={() => {
                  workspace.hideRedactions(id);
                  document.getElementById(`reply-${id}`)?.focus();
                }}
              >
                {texts.hideMessage}
                <span className="govuk-visually-hidden">{texts.aboutRemovedDetails}</span>
              </button>
            </NotificationBanner>
          ) : null}
          <ReplyComposer
            conversationId={id}
            visitorName={name}
            caseReference={conversation.caseReference}
            draft={workspace.drafts[id] ?? ''}
            onDraftChange={(text) => workspace.setDraft(id, text)}
            onSend={(body) => workspace.send(id, body)}
            autoFocus={autoFocusComposer}
          />
          {/* End chat stays in view with the reply box; notes and transfer open below it. */}
          <button
            ref={endButton}
            type="button"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            onClick={() => setEnding(true)}
          >
            {texts.endChat}
          </button>
          <NotesForm conversationId={id} />
          <TransferForm
            conversation={conversation}
            onTransferred={(text) => {
              workspace.close(id);
              onClosed(text);
            }}
          />
          <p className="govuk-body-s">
            <Link href={paths.cannedReplies} className="govuk-link">
              {texts.manageCannedReplies}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
