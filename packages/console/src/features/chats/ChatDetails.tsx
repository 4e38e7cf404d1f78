import type { AgentConversation } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { SummaryList } from '../../ui/SummaryList.tsx';

const notCollected = 'Not collected';

/** What the agent knows about the resident and their device. */
export function ChatDetails({ conversation }: { conversation: AgentConversation }) {
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
            { key: 'Consent given', value: conversation.consentGiven ? 'Yes' : 'No' },
            { key: 'Browser', value: conversation.browser ?? notCollected },
            { key: 'Operating system', value: conversation.operatingSystem ?? notCollected },
            { key: 'IP address', value: conversation.ipAddress ?? notCollected },
            { key: 'Started', value: formatDateTime(conversation.createdAt) },
          ]}
        />
      </div>
    </details>
  );
}
