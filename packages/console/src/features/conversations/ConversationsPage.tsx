import { useState } from 'react';
import { fetchConversations } from '../../api/conversations.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { conversationColumns } from './conversation-columns.tsx';
import { CaseReferenceSearch } from './CaseReferenceSearch.tsx';
import { ResidentSearch } from './ResidentSearch.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useConversationsTexts } from './texts.ts';

export function ConversationsPage() {
  const t = useConversationsTexts();
  const language = useLanguage();
  const [searchError, setSearchError] = useState(false);
  const [residentSearchError, setResidentSearchError] = useState(false);
  const { loaded } = useLoaded(() => fetchConversations('ended'));

  return (
    <>
      <PageTitle title={t.title} hasErrors={searchError || residentSearchError} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CaseReferenceSearch onErrorChange={setSearchError} />
          <ResidentSearch onErrorChange={setResidentSearchError} />
        </div>
      </div>

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="recent-heading">
        {t.recentEnded}
      </h2>
      {loaded.status === 'loading' ? <Loading text={t.loadingConversations} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && loaded.data.length === 0 ? (
        <p className="govuk-body">{t.noEndedConversations}</p>
      ) : null}
      {loaded.status === 'ready' && loaded.data.length > 0 ? (
        <Table
          caption={t.recentCaption}
          captionClassName="govuk-table__caption--s"
          regionLabel={t.recentEnded}
          rows={loaded.data}
          rowKey={(conversation) => conversation.id}
          columns={[
            ...conversationColumns(t),
            { header: t.handledBy, cell: (conversation) => conversation.assignedStaffName ?? t.nobody },
            {
              header: t.ended,
              cell: (conversation) => (conversation.endedAt ? formatDateTime(conversation.endedAt, language) : ''),
            },
          ]}
        />
      ) : null}
    </>
  );
}
