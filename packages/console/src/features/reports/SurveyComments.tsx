import { fetchSurveyComments } from '../../api/reports.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Table } from '../../ui/Table.tsx';
import { formatDate } from '../../ui/format.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import type { ReportFilters } from './report-filters.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useReportsTexts } from './texts.ts';

/**
 * What residents wrote in the survey (ADR 44), for supervisors and administrators: their own words
 * (card and bank details and National Insurance numbers removed when they sent them), with no name
 * or contact detail. Shown here only: not in the CSV downloads, and no integration can read them.
 */
export function SurveyComments({ filters }: { filters: ReportFilters }) {
  const key = `${filters.from}|${filters.to}|${filters.departmentId ?? ''}`;
  const { loaded } = useLoaded(() => fetchSurveyComments(filters), key);
  const texts = useReportsTexts();
  const language = useLanguage();
  if (loaded.status === 'loading') return <Loading text={texts.loadingComments} />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const { comments, limit } = loaded.data;
  if (comments.length === 0) return <p className="govuk-body">{texts.noComments}</p>;
  return (
    <>
      <p className="govuk-body">
        {texts.commentsIntro}
        {comments.length === limit ? texts.latestComments(limit) : ''}
      </p>
      <Table
        caption={texts.commentsCaption}
        captionClassName="govuk-table__caption--s"
        regionLabel={texts.commentsCaption}
        rows={comments.map((comment, i) => ({ ...comment, id: String(i) }))}
        rowKey={(row) => row.id}
        columns={[
          { header: texts.chatEnded, cell: (row) => formatDate(`${row.day}T12:00:00Z`, language) },
          { header: texts.department, cell: (row) => row.department },
          { header: texts.topic, cell: (row) => row.topic },
          { header: texts.rating, cell: (row) => texts.outOfFive(String(row.rating)), numeric: true },
          { header: texts.comment, cell: (row) => row.comment },
        ]}
      />
    </>
  );
}
