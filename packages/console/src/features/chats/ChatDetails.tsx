import type { AgentConversation } from '@ward/protocol';
import { useState } from 'react';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { ApproximateLocation } from './ApproximateLocation.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useShellTexts } from '../../i18n/shell.ts';
import { useChatsTexts } from './texts.ts';
import type { ChatsTexts } from './texts-en.ts';

const consentText = (conversation: AgentConversation, texts: ChatsTexts) =>
  conversation.consentGiven ? texts.yes : conversation.consentAsked ? texts.consentAsked : texts.no;

/**
 * What the agent knows about the resident and their device. During the chat the agent can ask for
 * consent: the resident then sees a checkbox in the chat (ADR 37).
 */
export function ChatDetails({
  conversation,
  onAskConsent,
}: {
  conversation: AgentConversation;
  /** Only for the agent handling a live chat. */
  onAskConsent?: () => Promise<string | null>;
}) {
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const texts = useChatsTexts();
  const { errorPrefix } = useShellTexts();
  const language = useLanguage();
  const notCollected = texts.notCollected;
  const mayAsk =
    onAskConsent && conversation.status === 'active' && !conversation.consentGiven && !conversation.consentAsked;

  async function ask() {
    if (!onAskConsent || busy) return;
    setBusy(true);
    const refused = await onAskConsent();
    setBusy(false);
    setError(refused);
    if (!refused) announce(texts.consentAskedAnnouncement(conversation.visitorName));
  }

  return (
    <details className="govuk-details" open>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{texts.residentDetails}</span>
      </summary>
      <div className="govuk-details__text">
        <SummaryList
          noBorder
          rows={[
            { key: texts.emailAddress, value: conversation.visitorEmail ?? texts.notGiven },
            { key: texts.consentGiven, value: consentText(conversation, texts) },
            ...conversation.preChatAnswers.map((answer) => ({ key: answer.label, value: answer.value })),
            { key: texts.browser, value: conversation.browser ?? notCollected },
            { key: texts.operatingSystem, value: conversation.operatingSystem ?? notCollected },
            { key: texts.ipAddress, value: conversation.ipAddress ?? notCollected },
            { key: texts.approximateLocation, value: <ApproximateLocation location={conversation.location} /> },
            { key: texts.started, value: formatDateTime(conversation.createdAt, language) },
          ]}
        />
        {error ? (
          <p className="govuk-error-message" role="alert">
            <span className="govuk-visually-hidden">{errorPrefix}</span> {error}
          </p>
        ) : null}
        {mayAsk ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            data-module="govuk-button"
            aria-disabled={busy || undefined}
            onClick={() => void ask()}
          >
            {texts.askForConsent}
          </button>
        ) : null}
      </div>
    </details>
  );
}
