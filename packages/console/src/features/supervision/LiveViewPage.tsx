import type { AgentStatus, LiveView, LiveViewAgent } from '@ward/protocol';
import { useEffect, useRef } from 'react';
import { fetchLiveView } from '../../api/supervision.ts';
import { agentStatusLabels } from '../../realtime/agent-status.ts';
import { useWallboardHints } from '../../realtime/use-wallboard-hints.ts';
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
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useWallboardHints(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, wallboardHintDelayMs);
  });
  useEffect(() => {
    const every = setInterval(reload, wallboardRefreshMs);
    return () => {
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);

  return (
    <>
      <PageTitle title="Live view" />
      <p className="govuk-body">
        Your departments now: who is waiting, each member of staff's status and chats, and the chats in progress. Open a
        chat to follow it without taking part, or to take it over.
      </p>
      {loaded.status === 'loading' ? <Loading text="Loading the live view…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <LiveViewTables view={loaded.data} /> : null}
    </>
  );
}

function LiveViewTables({ view }: { view: LiveView }) {
  const asOf = new Date(view.asOf).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' });
  return (
    <>
      <h2 className="govuk-heading-m">Queues</h2>
      <Table
        caption="Residents waiting in each department"
        captionClassName="govuk-visually-hidden"
        regionLabel="Queues"
        rows={view.departments}
        rowKey={(row) => row.departmentId}
        columns={[
          { header: 'Department', cell: (row) => row.label },
          { header: 'Waiting', cell: (row) => count(row.waiting), numeric: true },
          {
            header: 'Longest wait',
            cell: (row) => (row.waiting > 0 ? duration(row.longestWaitSeconds * 1000) : '–'),
            numeric: true,
          },
        ]}
      />

      <h2 className="govuk-heading-m">Staff</h2>
      {view.agents.length === 0 ? (
        <p className="govuk-body">Nobody answers chats in your departments.</p>
      ) : (
        <Table
          caption="Staff who answer chats in your departments: status, chats now and departments"
          captionClassName="govuk-visually-hidden"
          regionLabel="Staff"
          rows={view.agents}
          rowKey={(row) => row.staffId}
          columns={[
            { header: 'Name', cell: (row) => row.name },
            { header: 'Status', cell: (row) => <AgentStatusCell agent={row} asOf={view.asOf} /> },
            { header: 'Chats now', cell: (row) => `${count(row.activeChats)} of ${count(row.capacity)}` },
            {
              header: 'Console',
              cell: (row) =>
                row.connected ? <Tag colour="green">Connected</Tag> : <Tag colour="grey">Not connected</Tag>,
            },
            {
              header: 'Departments',
              cell: (row) => (row.departments.length === 0 ? 'All departments' : row.departments.join(', ')),
            },
          ]}
        />
      )}

      <h2 className="govuk-heading-m">Chats in progress</h2>
      {view.chats.length === 0 ? (
        <p className="govuk-body">No chats are in progress.</p>
      ) : (
        <Table
          caption="Chats in progress in your departments"
          captionClassName="govuk-visually-hidden"
          regionLabel="Chats in progress"
          rows={view.chats}
          rowKey={(row) => row.conversationId}
          columns={[
            { header: 'Case reference', cell: (row) => row.caseReference },
            { header: 'Topic', cell: (row) => row.topicLabel },
            { header: 'Department', cell: (row) => row.departmentLabel },
            { header: 'Handled by', cell: (row) => row.agentName ?? '–' },
            { header: 'Answered', cell: (row) => (row.acceptedAt ? formatTime(row.acceptedAt) : '–') },
            {
              header: <span className="govuk-visually-hidden">Action</span>,
              cell: (row) => (
                <Link className="govuk-link" href={pathTo(paths.watchChat, { conversationId: row.conversationId })}>
                  Open<span className="govuk-visually-hidden"> chat {row.caseReference}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
      <p className="govuk-body-s">Updated at {asOf}.</p>
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
  const since = agent.statusSince ? Math.max(0, Date.parse(asOf) - Date.parse(agent.statusSince)) : null;
  return (
    <>
      <Tag colour={statusColours[agent.status]}>{agentStatusLabels[agent.status]}</Tag>
      {since === null ? null : ` for ${duration(since)}`}
    </>
  );
}
