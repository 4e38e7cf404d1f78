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

export function ConversationsPage() {
  const [searchError, setSearchError] = useState(false);
  const [residentSearchError, setResidentSearchError] = useState(false);
  const { loaded } = useLoaded(() => fetchConversations('ended'));

  return (
    <>
      <PageTitle title="Conversations" hasErrors={searchError || residentSearchError} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CaseReferenceSearch onErrorChange={setSearchError} />
          <ResidentSearch onErrorChange={setResidentSearchError} />
        </div>
      </div>

      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="recent-heading">
        Recent ended conversations
      </h2>
      {loaded.status === 'loading' ? <Loading text="Loading conversations…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && loaded.data.length === 0 ? (
        <p className="govuk-body">There are no ended conversations yet.</p>
      ) : null}
      {loaded.status === 'ready' && loaded.data.length > 0 ? (
        <Table
          caption="The 50 most recent ended conversations, newest first"
          captionClassName="govuk-table__caption--s"
          regionLabel="Recent ended conversations"
          rows={loaded.data}
          rowKey={(conversation) => conversation.id}
          columns={[
            ...conversationColumns,
            { header: 'Handled by', cell: (conversation) => conversation.assignedStaffName ?? 'Nobody' },
            {
              header: 'Ended',
              cell: (conversation) => (conversation.endedAt ? formatDateTime(conversation.endedAt) : ''),
            },
          ]}
        />
      ) : null}
    </>
  );
}
