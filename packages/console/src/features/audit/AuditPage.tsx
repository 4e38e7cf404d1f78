import { useEffect, useMemo, useState } from 'react';
import { fetchAuditPage } from '../../api/audit.ts';
import { fetchStaff } from '../../api/staff.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
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
import { onlyResident, resultCount, selectedFilters } from './audit-wording.ts';
import { AuditFilterForm, problemItems } from './AuditFilterForm.tsx';
import { AuditPagination, AuditTable } from './AuditTable.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useAuditTexts } from './texts.ts';

/** Administrators: who has read, changed, exported or deleted residents' personal data, filtered. */
export function AuditPage() {
  const { search } = useLocation();
  const texts = useAuditTexts();
  const language = useLanguage();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const before = beforeFromSearch(search);
  const filterKey = searchFromFilters(filters);
  const pageKey = searchFromFilters(filters, before);
  const [problems, setProblems] = useState<ErrorItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const staff = useLoaded(fetchStaff).loaded;
  // Applying the same filters again reads the newest entries again (`reload`).
  const { loaded: events, reload } = useLoaded(
    () => fetchAuditPage(filtersFromSearch(pageKey), pageLimit, beforeFromSearch(pageKey)),
    pageKey,
  );

  // Filters changed in the address (applied, removed, or back and forward): the old problems are gone.
  useEffect(() => setProblems([]), [filterKey]);

  const staffById = useMemo(
    () => new Map((staff.status === 'ready' ? staff.data : []).map((member) => [member.id, member])),
    [staff],
  );
  const shown = events.status === 'ready' ? events.data.events : [];
  const selected = selectedFilters(
    filters,
    staffById,
    events.status === 'ready' ? events.data : { events: [] },
    texts.wording,
    language,
  );
  // Filtered by a case: offer everything about its resident, including entries that name no case.
  const resident = filters.caseReference && !filters.dataSubjectId ? onlyResident(shown) : null;

  return (
    <>
      <ErrorSummary errors={problems} attempt={attempt} />
      <PageTitle title={texts.title} hasErrors={problems.length > 0} />
      <p className="govuk-body">{texts.intro}</p>
      <div className="ward-filter-layout">
        <div className="ward-filter-layout__filter">
          <div className="moj-filter">
            <div className="moj-filter__header">
              <div className="moj-filter__header-title">
                <h2 className="govuk-heading-m" id="filter-heading">
                  {texts.filter}
                </h2>
              </div>
            </div>
            <div className="moj-filter__content">
              {selected.length > 0 ? (
                <div className="moj-filter__selected">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{texts.selectedFilters}</h3>
                  <ul className="moj-filter-tags">
                    {selected.map((filter) => (
                      <li key={filter.name}>
                        <Link className="moj-filter__tag" href={auditPath(withoutFilter(filters, filter.name))}>
                          <span className="govuk-visually-hidden">{texts.removeFilter}</span>
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
                      reload();
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
            {texts.entries}
          </h2>
          <p className="govuk-body" role="status">
            {events.status === 'loading'
              ? texts.loadingEntries
              : events.status === 'ready'
                ? `${resultCount(events.data.events.length, { older: events.data.nextBefore !== null, paged: before !== null }, texts.wording)}.`
                : ''}
          </p>
          {events.status === 'error' ? <LoadError message={events.message} /> : null}
          {resident ? (
            <p className="govuk-body">
              <Link className="govuk-link" href={residentPath(resident)}>
                {texts.seeEverything(filters.caseReference ?? '')}
              </Link>{' '}
              <span className="govuk-hint govuk-!-display-inline">{texts.allTheirRecords}</span>
            </p>
          ) : null}
          <p className="govuk-body">
            <a className="govuk-link" href={csvHref(filters)} download>
              {texts.downloadCsv}
            </a>{' '}
            <span className="govuk-hint govuk-!-display-inline">
              {texts.csvLimit(csvLimit.toLocaleString('en-GB'))}
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
