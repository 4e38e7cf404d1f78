import type { AgentStatus, LiveView, LiveViewAgent } from '@ward/protocol';
import { fetchLiveView } from '../../api/supervision.ts';
import { announcementTexts } from '../../realtime/announcements.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useSupervisionTexts } from './texts.ts';
import { useReloadOnHints } from '../../realtime/use-wallboard-hints.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { formatTime } from '../../ui/format.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { count, duration } from '../reports/report-wording.ts';
import { wallboardHintDelayMs, wallboardRefreshMs } from '../reports/wallboard-wording.ts';

/**
 * A supervisor's live view of their departments (issue 11): read again shortly after each hint
 * from the server (a chat started, was answered, taken over or ended; an agent's status changed)
 * and every 30 seconds.
 */
export function LiveViewPage() {
  const { loaded, reload } = useLoaded(fetchLiveView);
  const texts = useSupervisionTexts();

  useReloadOnHints(reload, wallboardHintDelayMs, wallboardRefreshMs);

  return (
    <>
      <PageTitle title={texts.title} />
      <p className="govuk-body">{texts.intro}</p>
      {loaded.status === 'loading' ? <Loading text={texts.loading} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <LiveViewTables view={loaded.data} /> : null}
    </>
  );
}

function LiveViewTables({ view }: { view: LiveView }) {
  const texts = useSupervisionTexts();
  const language = useLanguage();
  const asOf = new Date(view.asOf).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' });
  return (
    <>
      <h2 className="govuk-heading-m">{texts.queuesHeading}</h2>
      <Table
        caption={texts.queuesCaption}
        captionClassName="govuk-visually-hidden"
        regionLabel={texts.queuesHeading}
        rows={view.departments}
        rowKey={(row) => row.departmentId}
        columns={[
          { header: texts.department, cell: (row) => row.label },
          { header: texts.waiting, cell: (row) => count(row.waiting), numeric: true },
          {
            header: texts.longestWait,
            cell: (row) => (row.waiting > 0 ? duration(row.longestWaitSeconds * 1000, texts.units) : '–'),
            numeric: true,
          },
        ]}
      />

      <h2 className="govuk-heading-m">{texts.staffHeading}</h2>
      {view.agents.length === 0 ? (
        <p className="govuk-body">{texts.nobodyAnswers}</p>
      ) : (
        <Table
          caption={texts.staffCaption}
          captionClassName="govuk-visually-hidden"
          regionLabel={texts.staffHeading}
          rows={view.agents}
          rowKey={(row) => row.staffId}
          columns={[
            { header: texts.name, cell: (row) => row.name },
            { header: texts.status, cell: (row) => <AgentStatusCell agent={row} asOf={view.asOf} /> },
            { header: texts.chatsNow, cell: (row) => texts.chatsOf(count(row.activeChats), count(row.capacity)) },
            {
              header: texts.console,
              cell: (row) =>
                row.connected ? (
                  <Tag colour="green">{texts.connected}</Tag>
                ) : (
                  <Tag colour="grey">{texts.notConnected}</Tag>
                ),
            },
            {
              header: texts.departments,
              cell: (row) => (row.departments.length === 0 ? texts.allDepartments : row.departments.join(', ')),
            },
          ]}
        />
      )}

      <h2 className="govuk-heading-m">{texts.chatsHeading}</h2>
      {view.chats.length === 0 ? (
        <p className="govuk-body">{texts.noChats}</p>
      ) : (
        <Table
          caption={texts.chatsCaption}
          captionClassName="govuk-visually-hidden"
          regionLabel={texts.chatsHeading}
          rows={view.chats}
          rowKey={(row) => row.conversationId}
          columns={[
            { header: texts.caseReference, cell: (row) => row.caseReference },
            { header: texts.topic, cell: (row) => row.topicLabel },
            { header: texts.department, cell: (row) => row.departmentLabel },
            { header: texts.handledBy, cell: (row) => row.agentName ?? '–' },
            { header: texts.answered, cell: (row) => (row.acceptedAt ? formatTime(row.acceptedAt, language) : '–') },
            {
              header: <span className="govuk-visually-hidden">{texts.action}</span>,
              cell: (row) => (
                <Link className="govuk-link" href={pathTo(paths.watchChat, { conversationId: row.conversationId })}>
                  {texts.open}
                  <span className="govuk-visually-hidden">{texts.openChat(row.caseReference)}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
      <p className="govuk-body-s">{texts.updatedAt(asOf)}</p>
    </>
  );
}

const statusColours: Record<AgentStatus, 'green' | 'yellow' | 'purple' | 'grey'> = {
  available: 'green',
  busy: 'yellow',
  away: 'purple',
  offline: 'grey',
};

/** The status as a tag, and how long they have had it when known (as of the view's time, so it does not drift). */
function AgentStatusCell({ agent, asOf }: { agent: LiveViewAgent; asOf: string }) {
  const texts = useSupervisionTexts();
  const statusLabels = announcementTexts[useLanguage()].statusLabels;
  const since = agent.statusSince ? Math.max(0, Date.parse(asOf) - Date.parse(agent.statusSince)) : null;
  return (
    <>
      <Tag colour={statusColours[agent.status]}>{statusLabels[agent.status]}</Tag>
      {since === null ? null : texts.statusFor(duration(since, texts.units))}
    </>
  );
}
