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
import { useReportsTexts } from './texts.ts';
import { periodLabelIn } from './report-periods.ts';
import { useLanguage } from '../../i18n/language.tsx';

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
  const texts = useReportsTexts();
  const updated = texts.reportUpdated;
  useEffect(() => setProblems([]), [key]);
  useEffect(() => {
    if (loaded.status === 'ready') announce(updated);
  }, [loaded, announce, updated]);

  const title = own ? texts.yourFiguresTitle : texts.reportsTitle;
  return (
    <>
      <ErrorSummary errors={problems} attempt={attempt} />
      <PageTitle title={title} hasErrors={problems.length > 0} />
      <p className="govuk-body">
        {own ? texts.ownIntro : texts.allIntro} {texts.noResidentDetails}
      </p>
      {watchesWallboard(staff.role) ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={paths.wallboard}>
            {texts.seeWallboard}
          </Link>{' '}
          {texts.wallboardFor}
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
      {loaded.status === 'loading' ? <Loading text={texts.loadingReport} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <Report report={loaded.data} filters={filters} own={own} /> : null}
    </>
  );
}

function Headline({ figures }: { figures: ReportFigures }) {
  const texts = useReportsTexts();
  const says = texts.headline;
  const d = (ms: number | null) => duration(ms, texts.units);
  const items: Array<[string, string]> = [
    [says.offered, count(figures.offered)],
    [says.answered, count(figures.answered)],
    [says.abandoned, count(figures.abandoned)],
    [says.missed, count(figures.missed)],
    [says.leftMessage, count(figures.leftMessage)],
    [says.medianWait, d(figures.waitMs.p50)],
    [says.p90Wait, d(figures.waitMs.p90)],
    [says.longestWait, d(figures.waitMs.max)],
    [says.medianFirstResponse, d(figures.firstResponseMs.p50)],
    [says.averageHandle, d(figures.handleMs.average)],
    [says.surveyResponses, `${count(figures.survey.responses)} (${percent(figures.survey.responseRatePermille)})`],
    [says.averageRating, rating(figures.survey.averageRatingHundredths, texts.outOfFive)],
    [says.transcriptRequests, count(figures.transcriptRequests)],
    [says.formsSubmitted, count(figures.formsSubmitted)],
    [says.emailsReceived, count(figures.emailsReceived)],
    [says.outOfHours, count(figures.outOfHours.received)],
    [says.outOfHoursAnswered, count(figures.outOfHours.answered)],
    [says.outOfHoursMedian, d(figures.outOfHours.answerMs.p50)],
    [says.outOfHoursP90, d(figures.outOfHours.answerMs.p90)],
    [says.outOfHoursLongest, d(figures.outOfHours.answerMs.max)],
    ...(figures.agentTime
      ? ([
          [says.utilisation, percent(figures.agentTime.utilisationPermille)],
          [says.mostAtOnce, count(figures.agentTime.concurrentMax)],
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
  const texts = useReportsTexts();
  // Ward names the periods in English; in Welsh they are named here from their keys.
  const welsh = useLanguage() === 'cy' ? texts : null;
  const { figures, returnOnInvestment: roi } = report.summary;
  const labels = report.volumes.rows.map((r) => periodLabelIn(r, filters.period, welsh));
  const ms = (v: number | null) => duration(v, texts.units);
  const n = (v: number | null) => (v === null ? '–' : count(v));
  return (
    <>
      <h2 className="govuk-heading-l govuk-!-margin-top-6">{texts.headlineHeading}</h2>
      <Headline figures={figures} />
      <CsvLink table="summary" filters={filters} text={texts.downloadHeadline} />

      <h2 className="govuk-heading-l">{texts.overTimeHeading}</h2>
      <LineChart
        title={texts.volumesChart}
        labels={labels}
        series={[
          { name: texts.offered, values: report.volumes.rows.map((r) => r.figures.offered) },
          { name: texts.answered, values: report.volumes.rows.map((r) => r.figures.answered) },
          { name: texts.abandoned, values: report.volumes.rows.map((r) => r.figures.abandoned) },
        ]}
        format={n}
      />
      <LineChart
        title={texts.waitChart}
        labels={labels}
        series={[
          { name: texts.median, values: report.volumes.rows.map((r) => r.figures.waitMs.p50) },
          { name: texts.p90, values: report.volumes.rows.map((r) => r.figures.waitMs.p90) },
        ]}
        format={ms}
        floor={60_000}
      />
      <CsvLink table="volumes" filters={filters} text={texts.downloadVolumes} />

      {own ? null : (
        <>
          <h2 className="govuk-heading-l">{texts.byDepartmentHeading}</h2>
          <BarChart
            title={texts.perDepartmentChart}
            valueName={texts.chatsOffered}
            bars={report.departments.rows.map((r) => ({
              label: r.key === '' ? texts.noDepartment : r.label,
              value: r.figures.offered,
            }))}
            format={n}
          />
          <CsvLink table="departments" filters={filters} text={texts.downloadDepartments} />
          <BarChart
            title={texts.perAdviserChart}
            valueName={texts.chatsAnswered}
            bars={report.agents.rows
              .filter((r) => r.key !== '')
              .map((r) => ({ label: r.label, value: r.figures.answered }))}
            format={n}
          />
          <AgentTimeTable caption={texts.agentTimeCaption} rows={report.agents.rows.filter((r) => r.key !== '')} />
          <CsvLink table="agents" filters={filters} text={texts.downloadAgents} />
        </>
      )}

      <h2 className="govuk-heading-l">{texts.surveyHeading}</h2>
      <BarChart
        title={texts.ratingsChart}
        valueName={texts.responses}
        bars={figures.survey.distribution.map((value, i) => ({ label: texts.outOfFive(String(i + 1)), value }))}
        format={n}
      />
      {own ? null : <SurveyComments filters={filters} />}

      {own ? null : (
        <>
          <h2 className="govuk-heading-l">{texts.roiHeading}</h2>
          <dl className="govuk-summary-list">
            {[
              [texts.chatsAnswered, count(roi.chatsAnswered)],
              [texts.headline.formsSubmitted, count(roi.formsSubmitted)],
              [
                roi.comparedWith === 'phone' ? texts.costByPhone : texts.costFaceToFace,
                pounds(roi.costPerContactPence),
              ],
              [texts.costAvoided, pounds(roi.avoidedCostPence)],
              [texts.agentChatTime, texts.hours(roi.agentHours.toLocaleString('en-GB'))],
              [texts.agentHourlyCost, pounds(roi.agentHourlyCostPence)],
              [texts.agentCost, pounds(roi.agentCostPence)],
              [texts.netSaving, pounds(roi.netSavingPence)],
            ].map(([name, value]) => (
              <div className="govuk-summary-list__row" key={name}>
                <dt className="govuk-summary-list__key">{name}</dt>
                <dd className="govuk-summary-list__value">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">{texts.roiExplained}</p>
        </>
      )}
    </>
  );
}
