import { useEffect, useState } from 'preact/hooks';
import { limits } from '@ward/protocol/resident-rules';
import type { ChatSnapshot } from './chat-session.ts';
import { Composer } from './composer.tsx';
import { ConsentRequest } from './consent-request.tsx';
import type { ApiResult } from './api.ts';
import { EndChat } from './end-chat.tsx';
import { StepHeading } from './govuk.tsx';
import { MessageLog } from './message-log.tsx';
import { RedactionNoticeBanner } from './redaction-notice-banner.tsx';
import { TypingIndicator } from './typing-indicator.tsx';

interface Props {
  snapshot: ChatSnapshot;
  draft: string;
  onDraft: (draft: string) => void;
  onSend: (body: string) => void;
  onEnd: () => Promise<string | null>;
  onStartNew: () => void;
  onDismissRedactionNotice: () => void;
  /** Where the council's privacy notice is, for the consent the adviser may ask for. */
  privacyNoticeUrl: string | null;
  onGiveConsent: () => Promise<ApiResult<void>>;
}

const connectionText: Record<ChatSnapshot['connection'], string> = {
  connecting: 'Connecting…',
  connected: '',
  reconnecting: 'Reconnecting… Your messages will be sent when you are back online.',
  refused: '',
};

/** The chat itself: status, the message log, who is typing, the message box and End chat. */
export function Dialogue({
  snapshot,
  draft,
  onDraft,
  onSend,
  onEnd,
  onStartNew,
  onDismissRedactionNotice,
  privacyNoticeUrl,
  onGiveConsent,
}: Props) {
  const { conversation } = snapshot;
  const waiting = conversation.status === 'waiting';
  // The redaction notice counts as read once the resident starts their next message.
  const [noticeRead, setNoticeRead] = useState(false);
  useEffect(() => setNoticeRead(false), [snapshot.redactionNotice]);
  if (snapshot.connection === 'refused') {
    return (
      <div class="ward-dialogue">
        <StepHeading class="ward-heading-m">This chat is no longer available</StepHeading>
        <p class="ward-body" role="alert">
          We could not reconnect you to this chat. It may have ended or expired.
        </p>
        <p class="ward-body">If you still need help, start a new chat and give the adviser your case reference.</p>
        <button type="button" class="ward-button" onClick={onStartNew}>
          Start a new chat
        </button>
      </div>
    );
  }
  return (
    <div class="ward-dialogue">
      <div class="ward-dialogue__status">
        <StepHeading class="ward-heading-m">
          {waiting ? 'Waiting for an adviser…' : `You're chatting with ${conversation.agentName ?? 'an adviser'}`}
        </StepHeading>
        {waiting && <p class="ward-body ward-secondary-text">An adviser will join soon. You can type now.</p>}
        <p class="ward-connection" role="status">
          {connectionText[snapshot.connection]}
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
      <EndChat onEnd={onEnd} />
    </div>
  );
}
