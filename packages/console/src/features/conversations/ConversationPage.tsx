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
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useConversationsTexts } from './texts.ts';
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

/** The conversation's status, in the colours the shared status tag uses. */
const statusColours = { waiting: 'yellow', active: 'green', ended: 'grey' } as const;

function BackLink() {
  const t = useConversationsTexts();
  return (
    <Link className="govuk-back-link" href={paths.conversations}>
      {t.backToConversations}
    </Link>
  );
}

/** One conversation, found by its case reference. */
export function ConversationPage({ caseReference: typed }: { caseReference: string }) {
  const t = useConversationsTexts();
  const { caseReference, loaded, setLoaded } = useLoadByCaseReference(typed, paths.conversation, load);
  const [formHasErrors, setFormHasErrors] = useState(false);

  const title =
    loaded.status === 'not-found'
      ? t.conversationNotFound
      : loaded.status === 'invalid'
        ? t.referenceNotValid
        : t.conversationTitle(caseReference ?? '').trim();
  useDocumentTitle(title, loaded.status === 'ready' && formHasErrors);

  return (
    <>
      <BackLink />
      <PageHeading caption={loaded.status === 'ready' ? t.conversation : undefined}>
        {loaded.status === 'ready' ? loaded.data.conversation.caseReference : title}
      </PageHeading>
      {loaded.status === 'loading' ? <Loading text={t.loadingConversation} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'invalid' || loaded.status === 'not-found' ? (
        <ReferenceNotFound
          status={loaded.status}
          notFound={t.noSuchConversation(caseReference ?? '')}
          findHref={paths.conversations}
          findText={t.findByReference}
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
  const t = useConversationsTexts();
  const language = useLanguage();
  const notCollected = t.notCollected;
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
        <h2 className="govuk-heading-m">{t.details}</h2>
        <SummaryList
          rows={[
            { key: t.caseReference, value: conversation.caseReference },
            {
              key: t.status,
              value: <Tag colour={statusColours[conversation.status]}>{t.statuses[conversation.status]}</Tag>,
            },
            { key: t.topic, value: conversation.topicLabel },
            { key: t.language, value: t.languages[conversation.language] },
            { key: t.residentsName, value: conversation.visitorName },
            { key: t.emailAddress, value: conversation.visitorEmail ?? t.notGiven },
            { key: t.consentGiven, value: conversation.consentGiven ? t.yes : t.no },
            { key: t.handledBy, value: conversation.assignedStaffName ?? t.nobody },
            { key: t.started, value: formatDateTime(conversation.createdAt, language) },
            {
              key: t.accepted,
              value: conversation.acceptedAt ? formatDateTime(conversation.acceptedAt, language) : t.notAccepted,
            },
            {
              key: t.ended,
              value: conversation.endedAt ? formatDateTime(conversation.endedAt, language) : t.notEnded,
            },
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
              {t.whoHasLooked}
            </Link>
          </p>
        ) : null}

        {doesPrivacyWork(staff.role) ? (
          <LegalHoldSection conversation={conversation} onErrorChange={onErrorChange} />
        ) : null}

        {conversation.preChatAnswers.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t.answersBefore}</h2>
            <SummaryList
              rows={conversation.preChatAnswers.map((answer) => ({ key: answer.label, value: answer.value }))}
            />
          </>
        ) : null}

        <h2 className="govuk-heading-m">{t.automaticInformation}</h2>
        <SummaryList
          rows={[
            { key: t.ipAddress, value: conversation.ipAddress ?? notCollected },
            { key: t.browser, value: conversation.browser ?? notCollected },
            { key: t.operatingSystem, value: conversation.operatingSystem ?? notCollected },
            { key: t.approximateLocation, value: <ApproximateLocation location={conversation.location} /> },
          ]}
        />

        <h2 className="govuk-heading-m">{t.survey}</h2>
        {conversation.survey ? (
          <SummaryList
            rows={[
              { key: t.rating, value: t.outOfFive(conversation.survey.rating) },
              {
                key: t.comment,
                value: <span className="ward-pre-wrap">{conversation.survey.comment ?? t.noComment}</span>,
              },
            ]}
          />
        ) : (
          <p className="govuk-body">{t.noSurvey}</p>
        )}

        <h2 className="govuk-heading-m">{t.summary}</h2>
        {saved ? (
          <p className="govuk-body" role="status">
            {t.summarySaved}
          </p>
        ) : null}
        {conversation.summary ? (
          <p className="govuk-body ward-pre-wrap">{conversation.summary}</p>
        ) : conversation.status === 'ended' ? (
          <>
            <p className="govuk-body">{t.noSummary}</p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <SummaryForm
                  conversationId={conversation.id}
                  submitText={t.saveSummary}
                  onSubmit={submitSummary}
                  autoFocus={false}
                />
              </div>
            </div>
          </>
        ) : (
          <p className="govuk-body">{t.summaryWhenEnds}</p>
        )}

        <h2 className="govuk-heading-m">{t.transcript}</h2>
        <Transcript messages={messages} visitorName={conversation.visitorName} />
        <ConversationNotes conversation={conversation} />
      </div>
    </div>
  );
}
