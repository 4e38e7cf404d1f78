import type { AuditEvent, AuditPage as AuditTrailPage, StaffMember } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { fetchAuditPage } from '../../api/audit.ts';
import { messageOf } from '../../api/errors.ts';
import { fetchStaff } from '../../api/staff.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import { Table } from '../../ui/Table.tsx';
import type { AuditFilters } from './audit-query.ts';
import {
  auditPath,
  beforeFromSearch,
  csvHref,
  csvLimit,
  filtersFromSearch,
  pageLimit,
  residentPath,
  searchFromFilters,
  withoutFilter,
} from './audit-query.ts';
import {
  actionName,
  fieldName,
  onlyResident,
  purposeName,
  residentPhrase,
  resultCount,
  roleName,
  selectedFilters,
  sourceName,
  staffName,
  whoName,
} from './audit-wording.ts';
import type { AuditFilterAnswers, AuditFilterCheck } from './validate-audit-filters.ts';
import { answersFromFilters, validateAuditFilters } from './validate-audit-filters.ts';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

const auditFieldIds = {
  staffId: 'audit-staff',
  caseReference: 'audit-case-reference',
  from: 'audit-from',
  to: 'audit-to',
} as const;

const unlisted = 'A member of staff no longer listed';

/** Administrators: who has read, changed, exported or deleted residents' personal data, filtered. */
export function AuditPage() {
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const before = beforeFromSearch(search);
  const filterKey = searchFromFilters(filters);
  const pageKey = searchFromFilters(filters, before);
  const [version, setVersion] = useState(0);
  const [problems, setProblems] = useState<ErrorItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [staff, setStaff] = useState<Loaded<StaffMember[]>>({ status: 'loading' });
  const [events, setEvents] = useState<Loaded<AuditTrailPage>>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    fetchStaff().then(
      (data) => !cancelled && setStaff({ status: 'ready', data }),
      (error: unknown) => !cancelled && setStaff({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    setEvents({ status: 'loading' });
    fetchAuditPage(filtersFromSearch(pageKey), pageLimit, beforeFromSearch(pageKey)).then(
      (data) => !cancelled && setEvents({ status: 'ready', data }),
      (error: unknown) => !cancelled && setEvents({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [pageKey, version]);

  // Filters changed in the address (applied, removed, or back and forward): the old problems are gone.
  useEffect(() => setProblems([]), [filterKey]);

  const staffById = useMemo(
    () => new Map((staff.status === 'ready' ? staff.data : []).map((member) => [member.id, member])),
    [staff],
  );
  const shown = events.status === 'ready' ? events.data.events : [];
  const selected = selectedFilters(filters, staffById, events.status === 'ready' ? events.data : { events: [] });
  // Filtered by a case: offer everything about its resident, including entries that name no case.
  const resident = filters.caseReference && !filters.dataSubjectId ? onlyResident(shown) : null;

  return (
    <>
      <ErrorSummary errors={problems} attempt={attempt} />
      <PageTitle title="Audit trail" hasErrors={problems.length > 0} />
      <p className="govuk-body">
        Every time staff, or Ward itself, viewed, changed, exported or deleted a resident’s personal data, newest first.
        Entries cannot be changed or removed.
      </p>
      <div className="ward-filter-layout">
        <div className="ward-filter-layout__filter">
          <div className="moj-filter">
            <div className="moj-filter__header">
              <div className="moj-filter__header-title">
                <h2 className="govuk-heading-m" id="filter-heading">
                  Filter
                </h2>
              </div>
            </div>
            <div className="moj-filter__content">
              {selected.length > 0 ? (
                <div className="moj-filter__selected">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-2">Selected filters</h3>
                  <ul className="moj-filter-tags">
                    {selected.map((filter) => (
                      <li key={filter.name}>
                        <Link className="moj-filter__tag" href={auditPath(withoutFilter(filters, filter.name))}>
                          <span className="govuk-visually-hidden">Remove this filter: </span>
                          {filter.label}: {filter.value}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="moj-filter__options">
                <AuditFilterForm
                  key={filterKey}
                  filters={filters}
                  staff={staff}
                  onChecked={(check) => {
                    setProblems(problemItems(check));
                    setAttempt((value) => value + 1);
                    if (check.filters) {
                      // The resident filter has no field of its own: it stays until removed.
                      navigate(auditPath({ ...check.filters, dataSubjectId: filters.dataSubjectId }));
                      setVersion((value) => value + 1);
                    }
                  }}
                  onCleared={() => setProblems([])}
                />
              </div>
            </div>
          </div>
        </div>
        <div className="ward-filter-layout__content">
          <h2 className="govuk-heading-m" id="entries-heading">
            Entries
          </h2>
          <p className="govuk-body" role="status">
            {events.status === 'loading'
              ? 'Loading entries…'
              : events.status === 'ready'
                ? `${resultCount(events.data.events.length, { older: events.data.nextBefore !== null, paged: before !== null })}.`
                : ''}
          </p>
          {events.status === 'error' ? <LoadError message={events.message} /> : null}
          {resident ? (
            <p className="govuk-body">
              <Link className="govuk-link" href={residentPath(resident)}>
                See everything about the resident of case {filters.caseReference}
              </Link>{' '}
              <span className="govuk-hint govuk-!-display-inline">(all their records, not only this case)</span>
            </p>
          ) : null}
          <p className="govuk-body">
            <a className="govuk-link" href={csvHref(filters)} download>
              Download as CSV
            </a>{' '}
            <span className="govuk-hint govuk-!-display-inline">
              (these filters, up to the newest {csvLimit.toLocaleString('en-GB')} entries)
            </span>
          </p>
          {events.status === 'ready' && events.data.events.length > 0 ? (
            <AuditTable events={events.data.events} staffById={staffById} staffListed={staff.status === 'ready'} />
          ) : null}
          {events.status === 'ready' ? (
            <AuditPagination filters={filters} paged={before !== null} nextBefore={events.data.nextBefore} />
          ) : null}
        </div>
      </div>
    </>
  );
}

function problemItems(check: AuditFilterCheck): ErrorItem[] {
  const { errors, dateParts } = check;
  return [
    ...(errors.staffId ? [{ fieldId: auditFieldIds.staffId, text: errors.staffId }] : []),
    ...(errors.caseReference ? [{ fieldId: auditFieldIds.caseReference, text: errors.caseReference }] : []),
    ...(errors.from ? [{ fieldId: `${auditFieldIds.from}-${dateParts.from[0] ?? 'day'}`, text: errors.from }] : []),
    ...(errors.to ? [{ fieldId: `${auditFieldIds.to}-${dateParts.to[0] ?? 'day'}`, text: errors.to }] : []),
  ];
}

function AuditFilterForm({
  filters,
  staff,
  onChecked,
  onCleared,
}: {
  filters: AuditFilters;
  staff: Loaded<StaffMember[]>;
  onChecked: (check: AuditFilterCheck) => void;
  onCleared: () => void;
}) {
  const [answers, setAnswers] = useState<AuditFilterAnswers>(() => answersFromFilters(filters));
  const [check, setCheck] = useState<AuditFilterCheck | null>(null);
  const errors = check?.errors ?? {};

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateAuditFilters(answers);
    setCheck(result.filters ? null : result);
    onChecked(result);
  }

  const members =
    staff.status === 'ready'
      ? [...staff.data].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
      : [];
  const options = [
    { value: '', text: 'Anyone' },
    ...members.map((member) => ({ value: member.id, text: `${staffName(member)} (${member.email})` })),
  ];
  if (answers.staffId && !members.some((member) => member.id === answers.staffId)) {
    options.push({ value: answers.staffId, text: staff.status === 'loading' ? 'Loading…' : unlisted });
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="filter-heading">
      <Select
        id={auditFieldIds.staffId}
        label="Member of staff"
        labelClassName="govuk-label--s"
        hint={staff.status === 'error' ? `The list of staff could not be loaded: ${staff.message}` : undefined}
        options={options}
        value={answers.staffId}
        onValueChange={(staffId) => setAnswers((current) => ({ ...current, staffId }))}
        error={errors.staffId}
      />
      <TextInput
        id={auditFieldIds.caseReference}
        label="Case reference"
        labelClassName="govuk-label--s"
        hint="For example, 4K7M-9P2X"
        widthClassName="govuk-input--width-10"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={answers.caseReference}
        onValueChange={(caseReference) => setAnswers((current) => ({ ...current, caseReference }))}
        error={errors.caseReference}
      />
      <DateInput
        id={auditFieldIds.from}
        legend="Date from"
        hint="For example, 1 3 2027"
        value={answers.from}
        onValueChange={(part, value) =>
          setAnswers((current) => ({ ...current, from: { ...current.from, [part]: value } }))
        }
        error={errors.from}
        errorParts={check?.dateParts.from}
      />
      <DateInput
        id={auditFieldIds.to}
        legend="Date to"
        hint="Includes the whole day, UK time. For example, 31 3 2027"
        value={answers.to}
        onValueChange={(part, value) => setAnswers((current) => ({ ...current, to: { ...current.to, [part]: value } }))}
        error={errors.to}
        errorParts={check?.dateParts.to}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Apply filters
        </button>
        <Link
          className="govuk-link"
          href={paths.audit}
          onClick={() => {
            setAnswers(answersFromFilters({}));
            setCheck(null);
            onCleared();
          }}
        >
          Clear filters
        </Link>
      </div>
    </form>
  );
}

function AuditTable({
  events,
  staffById,
  staffListed,
}: {
  events: AuditEvent[];
  staffById: ReadonlyMap<string, StaffMember>;
  staffListed: boolean;
}) {
  return (
    <div className="ward-audit-table">
      <Table
        caption="Audit trail entries, newest first"
        captionClassName="govuk-table__caption--s"
        regionLabel="Audit trail entries"
        rows={events}
        rowKey={(event) => String(event.id)}
        columns={[
          {
            header: 'When',
            cell: (event) => <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>,
          },
          { header: 'Who', cell: (event) => whoName(event, staffById, staffListed) },
          { header: 'Role', cell: (event) => roleName(event) },
          { header: 'Action', cell: (event) => actionName(event.action) },
          {
            header: 'Case reference',
            cell: (event) =>
              event.caseReference ? (
                <Link
                  className="govuk-link ward-nowrap"
                  href={pathTo(paths.conversation, { caseReference: event.caseReference })}
                >
                  {event.caseReference}
                </Link>
              ) : (
                'None'
              ),
          },
          {
            header: 'Resident',
            cell: (event) =>
              event.dataSubjectId ? (
                <Link className="govuk-link ward-nowrap" href={residentPath(event.dataSubjectId)}>
                  All entries
                  <span className="govuk-visually-hidden"> about {residentPhrase(event.dataSubjectId, [event])}</span>
                </Link>
              ) : (
                'None'
              ),
          },
          {
            header: 'Fields',
            cell: (event) => (event.fields.length > 0 ? event.fields.map(fieldName).join(', ') : 'None'),
          },
          { header: 'Purpose', cell: (event) => purposeName(event.purpose) },
          {
            header: 'Reason',
            cell: (event) => <span className="ward-break-word">{event.reason ?? 'None given'}</span>,
          },
          { header: 'From where', cell: (event) => <span className="ward-nowrap">{sourceName(event.source)}</span> },
        ]}
      />
    </div>
  );
}

/** GOV.UK pagination, as "Newest entries" and "Older entries" (the trail has no fixed pages: it grows at the front). */
function AuditPagination({
  filters,
  paged,
  nextBefore,
}: {
  filters: AuditFilters;
  paged: boolean;
  nextBefore: number | null;
}) {
  if (!paged && nextBefore === null) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Audit trail pages">
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
            <span className="govuk-pagination__link-title">Newest entries</span>
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
            <span className="govuk-pagination__link-title">Older entries</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
