import { useEffect, useState } from 'preact/hooks';
import { limits } from '@ward/protocol/resident-rules';
import type { ChatSnapshot } from './chat-session.ts';
import { Composer } from './composer.tsx';
import { ConsentRequest } from './consent-request.tsx';
import type { ApiResult } from './api.ts';
import { EndChat } from './end-chat.tsx';
import { formatTime, queuePlace, usualWaitText } from './format.ts';
import { StepHeading } from './govuk.tsx';
import { MessageLog } from './message-log.tsx';
import { RedactionNoticeBanner } from './redaction-notice-banner.tsx';
import { TypingIndicator } from './typing-indicator.tsx';
import { language, m } from './i18n.ts';

interface Props {
  organisation: string;
  snapshot: ChatSnapshot;
  draft: string;
  onDraft: (draft: string) => void;
  onSend: (body: string) => void;
  onEnd: () => Promise<string | null>;
  onLaterFailed: () => void;
  onStartNew: () => void;
  onDismissRedactionNotice: () => void;
  /** Where the council's privacy notice is, for the consent the adviser may ask for. */
  privacyNoticeUrl: string | null;
  onGiveConsent: () => Promise<ApiResult<void>>;
  onStay: () => void;
}

const connectionText = (connection: ChatSnapshot['connection']) =>
  connection === 'connecting' ? m.connecting : connection === 'reconnecting' ? m.reconnecting : '';

/** The chat itself: status, the message log, who is typing, the message box and End chat. */
export function Dialogue({
  organisation,
  snapshot,
  draft,
  onDraft,
  onSend,
  onEnd,
  onLaterFailed,
  onStartNew,
  onDismissRedactionNotice,
  privacyNoticeUrl,
  onGiveConsent,
  onStay,
}: Props) {
  const { conversation } = snapshot;
  const waiting = conversation.status === 'waiting';
  // The redaction notice counts as read once the resident starts their next message.
  const [noticeRead, setNoticeRead] = useState(false);
  useEffect(() => setNoticeRead(false), [snapshot.redactionNotice]);
  if (snapshot.connection === 'refused') {
    return (
      <div class="ward-dialogue">
        <StepHeading class="ward-heading-m">{m.noLongerAvailable}</StepHeading>
        <p class="ward-body" role="alert">
          {m.couldNotReconnect}
        </p>
        <p class="ward-body">{m.startNewWithReference}</p>
        <button type="button" class="ward-button" onClick={onStartNew}>
          {m.startNewChat}
        </button>
      </div>
    );
  }
  return (
    <div class="ward-dialogue">
      <div class="ward-dialogue__status">
        <StepHeading class="ward-heading-m">{waiting ? m.waiting : m.chattingWith(conversation.agentName)}</StepHeading>
        {waiting && (
          // One short paragraph, so the messages keep the height of the window. The message page is
          // Ward's own, in a new tab (ADR 40): the chat ends only once the message is sent.
          <form
            method="post"
            action={`/leave-a-message/${organisation}/start${language === 'cy' ? '?lang=cy' : ''}`}
            target="_blank"
          >
            <input type="hidden" name="chat" value={conversation.visitorToken} />
            <p class="ward-body">
              {snapshot.queue ? queuePlace(snapshot.queue.position) : m.adviserSoon}{' '}
              {snapshot.queue && usualWaitText(snapshot.queue.waitMinutes)} {m.youCanType}{' '}
              <button type="submit" class="ward-link-button">
                {m.leaveMessageInstead}
                <span class="ward-visually-hidden">{m.opensInNewTab}</span>
              </button>
            </p>
          </form>
        )}
        <p class="ward-connection" role="status">
          {connectionText(snapshot.connection)}
        </p>
      </div>
      <MessageLog messages={snapshot.messages} outbox={snapshot.outbox} />
      <TypingIndicator typing={snapshot.agentTyping} />
      {snapshot.redactionNotice && (
        <RedactionNoticeBanner
          key={snapshot.redactionNotice.join()}
          categories={snapshot.redactionNotice}
          read={noticeRead}
          onDismiss={onDismissRedactionNotice}
        />
      )}
      {snapshot.consentRequest && (
        <ConsentRequest
          summary={snapshot.consentRequest.summary}
          privacyNoticeUrl={privacyNoticeUrl}
          onGive={onGiveConsent}
        />
      )}
      {/* Announced at once (WCAG 2.2.1); focus stays where the resident is typing. */}
      <div role="alert" class="ward-composer__alert">
        {snapshot.closesAt && (
          <div class="ward-notice">
            <p class="ward-notice__text">{m.closesAt(formatTime(snapshot.closesAt))}</p>
            <button type="button" class="ward-button ward-button--secondary" onClick={onStay}>
              {m.stay}
            </button>
          </div>
        )}
      </div>
      <Composer
        maxChars={limits.messageBodyMaxChars}
        draft={draft}
        onDraft={(text) => {
          if (text.trim() !== '' && snapshot.redactionNotice) setNoticeRead(true);
          onDraft(text);
        }}
        onSend={onSend}
        error={snapshot.composerError}
      />
      <EndChat onEnd={onEnd} onLaterFailed={onLaterFailed} />
    </div>
  );
}
