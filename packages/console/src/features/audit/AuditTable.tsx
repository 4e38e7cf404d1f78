import type { AuditEvent, StaffMember } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import type { AuditFilters } from './audit-query.ts';
import { auditPath, residentPath } from './audit-query.ts';
import { actionName, fieldName, purposeName, residentPhrase, roleName, sourceName, whoName } from './audit-wording.ts';
import { useAuditTexts } from './texts.ts';

/** One page of audit trail entries, newest first. */
export function AuditTable({
  events,
  staffById,
  staffListed,
}: {
  events: AuditEvent[];
  staffById: ReadonlyMap<string, StaffMember>;
  staffListed: boolean;
}) {
  const texts = useAuditTexts();
  const says = texts.wording;
  const language = useLanguage();
  return (
    <div className="ward-audit-table">
      <Table
        caption={texts.caption}
        captionClassName="govuk-table__caption--s"
        regionLabel={texts.regionLabel}
        rows={events}
        rowKey={(event) => String(event.id)}
        columns={[
          {
            header: texts.when,
            cell: (event) => <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>,
          },
          { header: texts.who, cell: (event) => whoName(event, staffById, staffListed, says) },
          { header: texts.role, cell: (event) => roleName(event, says) },
          { header: texts.action, cell: (event) => actionName(event.action, says) },
          {
            header: texts.caseReference,
            cell: (event) =>
              event.caseReference ? (
                <Link
                  className="govuk-link ward-nowrap"
                  href={pathTo(paths.conversation, { caseReference: event.caseReference })}
                >
                  {event.caseReference}
                </Link>
              ) : (
                texts.none
              ),
          },
          {
            header: texts.resident,
            cell: (event) =>
              event.dataSubjectId ? (
                <Link className="govuk-link ward-nowrap" href={residentPath(event.dataSubjectId)}>
                  {texts.allEntries}
                  <span className="govuk-visually-hidden">
                    {texts.about(residentPhrase(event.dataSubjectId, [event], [], says))}
                  </span>
                </Link>
              ) : (
                texts.none
              ),
          },
          {
            header: texts.fields,
            cell: (event) =>
              event.fields.length > 0 ? event.fields.map((field) => fieldName(field, says)).join(', ') : texts.none,
          },
          { header: texts.purpose, cell: (event) => purposeName(event.purpose, says) },
          {
            header: texts.reason,
            cell: (event) => <span className="ward-break-word">{event.reason ?? texts.noneGiven}</span>,
          },
          {
            header: texts.fromWhere,
            cell: (event) => <span className="ward-nowrap">{sourceName(event.source, says)}</span>,
          },
        ]}
      />
    </div>
  );
}

/** GOV.UK pagination: "Newest entries" and "Older entries" (the trail has no fixed pages: it grows at the front). */
export function AuditPagination({
  filters,
  paged,
  nextBefore,
}: {
  filters: AuditFilters;
  paged: boolean;
  nextBefore: number | null;
}) {
  const texts = useAuditTexts();
  if (!paged && nextBefore === null) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={texts.pages}>
      {paged ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" href={auditPath(filters)} rel="prev">
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">{texts.newestEntries}</span>
          </Link>
        </div>
      ) : null}
      {nextBefore !== null ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" href={auditPath(filters, nextBefore)} rel="next">
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
            <span className="govuk-pagination__link-title">{texts.olderEntries}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
