import { fetchSurveyComments } from '../../api/reports.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Table } from '../../ui/Table.tsx';
import { formatDate } from '../../ui/format.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import type { ReportFilters } from './report-filters.ts';

/**
 * What residents wrote in the survey (ADR 44), for supervisors and administrators: their own words
 * (card and bank details and National Insurance numbers removed when they sent them), with no name
 * or contact detail. Shown here only: not in the CSV downloads, and no integration can read them.
 */
export function SurveyComments({ filters }: { filters: ReportFilters }) {
  const key = `${filters.from}|${filters.to}|${filters.departmentId ?? ''}`;
  const { loaded } = useLoaded(() => fetchSurveyComments(filters), key);
  if (loaded.status === 'loading') return <Loading text="Loading the survey comments…" />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const { comments, limit } = loaded.data;
  if (comments.length === 0) return <p className="govuk-body">No resident left a comment in this period.</p>;
  return (
    <>
      <p className="govuk-body">
        Residents’ own words, without their names. Reading them is recorded in the audit trail.
        {comments.length === limit ? ` These are the latest ${limit}: choose a shorter period to see others.` : ''}
      </p>
      <Table
        caption="Survey comments"
        captionClassName="govuk-table__caption--s"
        regionLabel="Survey comments"
        rows={comments.map((comment, i) => ({ ...comment, id: String(i) }))}
        rowKey={(row) => row.id}
        columns={[
          { header: 'Chat ended', cell: (row) => formatDate(`${row.day}T12:00:00Z`) },
          { header: 'Department', cell: (row) => row.department },
          { header: 'Topic', cell: (row) => row.topic },
          { header: 'Rating', cell: (row) => `${row.rating} out of 5`, numeric: true },
          { header: 'Comment', cell: (row) => row.comment },
        ]}
      />
    </>
  );
}
