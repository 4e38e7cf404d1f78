import type { AgentConversation } from '@ward/protocol';
import { useState } from 'react';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { ApproximateLocation } from './ApproximateLocation.tsx';

const notCollected = 'Not collected';

const consentText = (conversation: AgentConversation) =>
  conversation.consentGiven ? 'Yes' : conversation.consentAsked ? 'Asked, waiting for the resident' : 'No';

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
  const mayAsk =
    onAskConsent && conversation.status === 'active' && !conversation.consentGiven && !conversation.consentAsked;

  async function ask() {
    if (!onAskConsent || busy) return;
    setBusy(true);
    const refused = await onAskConsent();
    setBusy(false);
    setError(refused);
    if (!refused) announce(`Consent asked. ${conversation.visitorName} sees a checkbox in the chat.`);
  }

  return (
    <details className="govuk-details" open>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Resident details</span>
      </summary>
      <div className="govuk-details__text">
        <SummaryList
          noBorder
          rows={[
            { key: 'Email address', value: conversation.visitorEmail ?? 'Not given' },
            { key: 'Consent given', value: consentText(conversation) },
            ...conversation.preChatAnswers.map((answer) => ({ key: answer.label, value: answer.value })),
            { key: 'Browser', value: conversation.browser ?? notCollected },
            { key: 'Operating system', value: conversation.operatingSystem ?? notCollected },
            { key: 'IP address', value: conversation.ipAddress ?? notCollected },
            { key: 'Approximate location', value: <ApproximateLocation location={conversation.location} /> },
            { key: 'Started', value: formatDateTime(conversation.createdAt) },
          ]}
        />
        {error ? (
          <p className="govuk-error-message" role="alert">
            <span className="govuk-visually-hidden">Error:</span> {error}
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
            Ask for consent
          </button>
        ) : null}
      </div>
    </details>
  );
}
