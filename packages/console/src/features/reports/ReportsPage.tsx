import type { ReportFigures, ReportSummary, ReportTableBody } from '@ward/protocol';
import { useEffect, useMemo, useState } from 'react';
import { fetchDepartmentsAndTopics, fetchStaffDirectory } from '../../api/staff.ts';
import { fetchReportSummary, fetchReportTable } from '../../api/reports.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { paths } from '../../route-match.ts';
import { watchesWallboard } from '../../session/roles.ts';
import { useStaff } from '../../session/session.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { londonToday } from '../../ui/uk-dates.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { BarChart, LineChart } from './ReportCharts.tsx';
import { ReportFilterForm, problemItems } from './ReportFilterForm.tsx';
import {
  filtersFromSearch,
  reportApiPath,
  reportsPath,
  searchFromFilters,
  type ReportFilters,
} from './report-filters.ts';
import { count, duration, percent, pounds, rating } from './report-wording.ts';
import { AgentTimeTable } from './AgentTimeTable.tsx';
import { SurveyComments } from './SurveyComments.tsx';

type LoadedReport = {
  summary: ReportSummary;
  volumes: ReportTableBody;
  departments: ReportTableBody;
  agents: ReportTableBody;
};

async function loadReport(filters: ReportFilters): Promise<LoadedReport> {
  const [summary, volumes, departments, agents] = await Promise.all([
    fetchReportSummary(filters),
    fetchReportTable('volumes', filters),
    fetchReportTable('departments', filters),
    fetchReportTable('agents', filters),
  ]);
  return { summary, volumes, departments, agents };
}

/**
 * Reports (issue 12, ADR 36): supervisors see their departments', administrators the council's,
 * agents their own ("Your figures"). Figures only: nothing of a resident is in them.
 */
async function loadFilterChoices() {
  const [{ departments, topics }, staff] = await Promise.all([fetchDepartmentsAndTopics(), fetchStaffDirectory()]);
  const advisers = staff
    .filter((member) => member.role !== 'privacy_officer')
    .map((member) => ({ id: member.id, name: member.displayName }));
  return { departments, topics, advisers };
}

export function ReportsPage() {
  const staff = useStaff();
  const own = staff.role === 'agent';
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search, londonToday(new Date())), [search]);
  const key = searchFromFilters(filters);
  const { loaded } = useLoaded(() => loadReport(filters), key);
  // What the filters offer: the council's departments and topics, and the staff who answer contacts.
  const choices = useLoaded(loadFilterChoices).loaded;
  const { departments, topics, advisers } =
    choices.status === 'ready' ? choices.data : { departments: [], topics: [], advisers: [] };
  const [problems, setProblems] = useState<ErrorItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const announce = useAnnounce();
  useEffect(() => setProblems([]), [key]);
  useEffect(() => {
    if (loaded.status === 'ready') announce('The report has been updated');
  }, [loaded, announce]);

  const title = own ? 'Your figures' : 'Reports';
  return (
    <>
      <ErrorSummary errors={problems} attempt={attempt} />
      <PageTitle title={title} hasErrors={problems.length > 0} />
      <p className="govuk-body">
        {own
          ? 'How your chats went: the ones you answered, your times and your residents’ ratings.'
          : 'How contacts went: volumes, waits, advisers’ figures, surveys and what web chat and forms save.'}{' '}
        Reports hold no resident’s details.
      </p>
      {watchesWallboard(staff.role) ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={paths.wallboard}>
            See the live wallboard
          </Link>{' '}
          for the queue now and today’s answered and abandoned chats.
        </p>
      ) : null}
      <ReportFilterForm
        key={key}
        filters={filters}
        departments={own ? null : departments}
        topics={topics}
        advisers={advisers}
        onChecked={(check) => {
          setProblems(problemItems(check));
          setAttempt((n) => n + 1);
          if (check.filters) navigate(reportsPath(check.filters));
        }}
      />
      {loaded.status === 'loading' ? <Loading text="Loading the report…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <Report report={loaded.data} filters={filters} own={own} /> : null}
    </>
  );
}

function Headline({ figures }: { figures: ReportFigures }) {
  const items: Array<[string, string]> = [
    ['Chats offered', count(figures.offered)],
    ['Answered', count(figures.answered)],
    ['Abandoned', count(figures.abandoned)],
    ['Missed', count(figures.missed)],
    ['Left a message instead', count(figures.leftMessage)],
    ['Median wait', duration(figures.waitMs.p50)],
    ['90% answered within', duration(figures.waitMs.p90)],
    ['Longest wait', duration(figures.waitMs.max)],
    ['Median first response', duration(figures.firstResponseMs.p50)],
    ['Average handle time', duration(figures.handleMs.average)],
    ['Survey responses', `${count(figures.survey.responses)} (${percent(figures.survey.responseRatePermille)})`],
    ['Average rating', rating(figures.survey.averageRatingHundredths)],
    ['Transcript requests', count(figures.transcriptRequests)],
    ['Forms submitted', count(figures.formsSubmitted)],
    ['Emails received', count(figures.emailsReceived)],
    ['Out-of-hours messages', count(figures.outOfHours.received)],
    ['Out-of-hours messages answered', count(figures.outOfHours.answered)],
    ['Median time to answer them', duration(figures.outOfHours.answerMs.p50)],
    ['90% of them answered within', duration(figures.outOfHours.answerMs.p90)],
    ['Longest time to answer one', duration(figures.outOfHours.answerMs.max)],
    ...(figures.agentTime
      ? ([
          ['Advisers’ utilisation', percent(figures.agentTime.utilisationPermille)],
          ['Most chats at once', count(figures.agentTime.concurrentMax)],
        ] as Array<[string, string]>)
      : []),
  ];
  return (
    <dl className="ward-figures">
      {items.map(([name, value]) => (
        <div className="ward-figures__item" key={name}>
          <dt className="ward-figures__name">{name}</dt>
          <dd className="ward-figures__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CsvLink({
  table,
  filters,
  text,
}: {
  table: Parameters<typeof reportApiPath>[0];
  filters: ReportFilters;
  text: string;
}) {
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={reportApiPath(table, filters, 'csv')} download>
        {text}
      </a>
    </p>
  );
}

function Report({ report, filters, own }: { report: LoadedReport; filters: ReportFilters; own: boolean }) {
  const { figures, returnOnInvestment: roi } = report.summary;
  const labels = report.volumes.rows.map((r) => r.label);
  const ms = (v: number | null) => duration(v);
  const n = (v: number | null) => (v === null ? '–' : count(v));
  return (
    <>
      <h2 className="govuk-heading-l govuk-!-margin-top-6">Headline figures</h2>
      <Headline figures={figures} />
      <CsvLink table="summary" filters={filters} text="Download the headline figures (CSV)" />

      <h2 className="govuk-heading-l">Over time</h2>
      <LineChart
        title="Chats offered, answered and abandoned"
        labels={labels}
        series={[
          { name: 'Offered', values: report.volumes.rows.map((r) => r.figures.offered) },
          { name: 'Answered', values: report.volumes.rows.map((r) => r.figures.answered) },
          { name: 'Abandoned', values: report.volumes.rows.map((r) => r.figures.abandoned) },
        ]}
        format={n}
      />
      <LineChart
        title="Wait before answer"
        labels={labels}
        series={[
          { name: 'Median', values: report.volumes.rows.map((r) => r.figures.waitMs.p50) },
          { name: '90th percentile', values: report.volumes.rows.map((r) => r.figures.waitMs.p90) },
        ]}
        format={ms}
        floor={60_000}
      />
      <CsvLink table="volumes" filters={filters} text="Download the figures over time (CSV)" />

      {own ? null : (
        <>
          <h2 className="govuk-heading-l">By department and adviser</h2>
          <BarChart
            title="Chats offered per department"
            valueName="Chats offered"
            bars={report.departments.rows.map((r) => ({ label: r.label, value: r.figures.offered }))}
            format={n}
          />
          <CsvLink table="departments" filters={filters} text="Download the figures per department (CSV)" />
          <BarChart
            title="Chats answered per adviser"
            valueName="Chats answered"
            bars={report.agents.rows
              .filter((r) => r.key !== '')
              .map((r) => ({ label: r.label, value: r.figures.answered }))}
            format={n}
          />
          <AgentTimeTable
            caption="Advisers’ time: available, with a chat, and chats at once"
            rows={report.agents.rows.filter((r) => r.key !== '')}
          />
          <CsvLink table="agents" filters={filters} text="Download the figures per adviser (CSV)" />
        </>
      )}

      <h2 className="govuk-heading-l">Survey ratings</h2>
      <BarChart
        title="How residents rated their chat"
        valueName="Responses"
        bars={figures.survey.distribution.map((value, i) => ({ label: `${i + 1} out of 5`, value }))}
        format={n}
      />
      {own ? null : <SurveyComments filters={filters} />}

      {own ? null : (
        <>
          <h2 className="govuk-heading-l">Return on investment</h2>
          <dl className="govuk-summary-list">
            {[
              ['Chats answered', count(roi.chatsAnswered)],
              ['Forms submitted', count(roi.formsSubmitted)],
              [
                `Cost of the same contact ${roi.comparedWith === 'phone' ? 'by phone' : 'face to face'}`,
                pounds(roi.costPerContactPence),
              ],
              ['Cost avoided', pounds(roi.avoidedCostPence)],
              ['Advisers’ chat time', `${roi.agentHours.toLocaleString('en-GB')} hours`],
              ['Advisers’ hourly cost', pounds(roi.agentHourlyCostPence)],
              ['Advisers’ cost', pounds(roi.agentCostPence)],
              ['Net saving', pounds(roi.netSavingPence)],
            ].map(([name, value]) => (
              <div className="govuk-summary-list__row" key={name}>
                <dt className="govuk-summary-list__key">{name}</dt>
                <dd className="govuk-summary-list__value">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">
            (Chats answered + forms submitted) × the cost of the same contact, minus advisers’ chat time × their hourly
            cost. The costs are set in the council’s settings.
          </p>
        </>
      )}
    </>
  );
}
