import { deletedByRetentionMarker, type ConversationWithMessages } from '@ward/protocol';
import { useState } from 'react';
import { fetchConversationByReference, saveSummary } from '../../api/conversations.ts';
import { messageOf } from '../../api/errors.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useStaff } from '../../session/session.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { StatusTag, languageNames } from '../../ui/Tag.tsx';
import { SummaryForm } from '../chats/SummaryForm.tsx';
import { auditPath } from '../audit/audit-query.ts';
import { LegalHoldSection } from '../retention/LegalHoldSection.tsx';
import { Transcript } from './Transcript.tsx';
import { ConversationNotes } from '../chats/ConversationNotes.tsx';
import { ReferenceNotFound, useLoadByCaseReference } from './by-case-reference.tsx';
import { doesPrivacyWork } from '../../session/roles.ts';
import { CorrectDetailsSection } from './CorrectDetailsSection.tsx';
import { CorrectionHistory } from './CorrectionHistory.tsx';
import { ApproximateLocation } from '../chats/ApproximateLocation.tsx';

const load = async (caseReference: string) => ({
  status: 'ready' as const,
  data: await fetchConversationByReference(caseReference),
});

function BackLink() {
  return (
    <Link className="govuk-back-link" href={paths.conversations}>
      Back to conversations
    </Link>
  );
}

/** One conversation, found by its case reference. */
export function ConversationPage({ caseReference: typed }: { caseReference: string }) {
  const { caseReference, loaded, setLoaded } = useLoadByCaseReference(typed, paths.conversation, load);
  const [formHasErrors, setFormHasErrors] = useState(false);

  const title =
    loaded.status === 'not-found'
      ? 'Conversation not found'
      : loaded.status === 'invalid'
        ? 'Case reference not valid'
        : `Conversation ${caseReference ?? ''}`.trim();
  useDocumentTitle(title, loaded.status === 'ready' && formHasErrors);

  return (
    <>
      <BackLink />
      <PageHeading caption={loaded.status === 'ready' ? 'Conversation' : undefined}>
        {loaded.status === 'ready' ? loaded.data.conversation.caseReference : title}
      </PageHeading>
      {loaded.status === 'loading' ? <Loading text="Loading the conversation…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'invalid' || loaded.status === 'not-found' ? (
        <ReferenceNotFound
          status={loaded.status}
          notFound={`There is no conversation with the case reference ${caseReference}. Check the reference and try again.`}
          findHref={paths.conversations}
          findText="Find a conversation by case reference"
        />
      ) : null}
      {loaded.status === 'ready' ? (
        <ConversationRecord
          data={loaded.data}
          onChange={(data) => setLoaded({ status: 'ready', data })}
          onErrorChange={setFormHasErrors}
        />
      ) : null}
    </>
  );
}

function ConversationRecord({
  data,
  onChange,
  onErrorChange,
}: {
  data: ConversationWithMessages;
  onChange: (data: ConversationWithMessages) => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const { conversation, messages } = data;
  const staff = useStaff();

  const notCollected = 'Not collected';
  const [saved, setSaved] = useState(false);

  async function submitSummary(summary: string) {
    try {
      const updated = await saveSummary(conversation.id, summary);
      setSaved(true);
      onChange({ conversation: updated, messages });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h2 className="govuk-heading-m">Details</h2>
        <SummaryList
          rows={[
            { key: 'Case reference', value: conversation.caseReference },
            { key: 'Status', value: <StatusTag status={conversation.status} /> },
            { key: 'Topic', value: conversation.topicLabel },
            { key: 'Language', value: languageNames[conversation.language] },
            { key: 'Resident’s name', value: conversation.visitorName },
            { key: 'Email address', value: conversation.visitorEmail ?? 'Not given' },
            { key: 'Consent given', value: conversation.consentGiven ? 'Yes' : 'No' },
            { key: 'Handled by', value: conversation.assignedStaffName ?? 'Nobody' },
            { key: 'Started', value: formatDateTime(conversation.createdAt) },
            {
              key: 'Accepted',
              value: conversation.acceptedAt ? formatDateTime(conversation.acceptedAt) : 'Not accepted',
            },
            { key: 'Ended', value: conversation.endedAt ? formatDateTime(conversation.endedAt) : 'Not ended' },
          ]}
        />
        {conversation.visitorName === deletedByRetentionMarker ? null : (
          <CorrectDetailsSection
            conversation={conversation}
            onErrorChange={onErrorChange}
            onCorrected={(updated) => onChange({ conversation: updated, messages })}
          />
        )}
        <CorrectionHistory
          conversationId={conversation.id}
          version={`${conversation.visitorName}|${conversation.visitorEmail ?? ''}`}
        />

        {doesPrivacyWork(staff.role) ? (
          <p className="govuk-body">
            <Link className="govuk-link" href={auditPath({ caseReference: conversation.caseReference })}>
              See who has looked at this contact
            </Link>
          </p>
        ) : null}

        {doesPrivacyWork(staff.role) ? (
          <LegalHoldSection conversation={conversation} onErrorChange={onErrorChange} />
        ) : null}

        {conversation.preChatAnswers.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Answers before the chat</h2>
            <SummaryList
              rows={conversation.preChatAnswers.map((answer) => ({ key: answer.label, value: answer.value }))}
            />
          </>
        ) : null}

        <h2 className="govuk-heading-m">Automatic information</h2>
        <SummaryList
          rows={[
            { key: 'IP address', value: conversation.ipAddress ?? notCollected },
            { key: 'Browser', value: conversation.browser ?? notCollected },
            { key: 'Operating system', value: conversation.operatingSystem ?? notCollected },
            { key: 'Approximate location', value: <ApproximateLocation location={conversation.location} /> },
          ]}
        />

        <h2 className="govuk-heading-m">Survey</h2>
        {conversation.survey ? (
          <SummaryList
            rows={[
              { key: 'Rating', value: `${conversation.survey.rating} out of 5` },
              {
                key: 'Comment',
                value: <span className="ward-pre-wrap">{conversation.survey.comment ?? 'No comment'}</span>,
              },
            ]}
          />
        ) : (
          <p className="govuk-body">The resident did not answer the survey.</p>
        )}

        <h2 className="govuk-heading-m">Summary</h2>
        {saved ? (
          <p className="govuk-body" role="status">
            Summary saved.
          </p>
        ) : null}
        {conversation.summary ? (
          <p className="govuk-body ward-pre-wrap">{conversation.summary}</p>
        ) : conversation.status === 'ended' ? (
          <>
            <p className="govuk-body">No summary has been written for this conversation.</p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <SummaryForm
                  conversationId={conversation.id}
                  submitText="Save summary"
                  onSubmit={submitSummary}
                  autoFocus={false}
                />
              </div>
            </div>
          </>
        ) : (
          <p className="govuk-body">The summary is written when the chat ends.</p>
        )}

        <h2 className="govuk-heading-m">Transcript</h2>
        <Transcript messages={messages} visitorName={conversation.visitorName} />
        <ConversationNotes conversation={conversation} />
      </div>
    </div>
  );
}
