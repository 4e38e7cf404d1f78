import { useCallback, useState } from 'react';
import { fetchDepartmentCases, fetchMyCases } from '../../api/cases.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import { CaseReferenceSearch } from '../conversations/CaseReferenceSearch.tsx';
import { CaseList, casesPerPage } from './CaseList.tsx';
import { useCaseOptions } from './use-case-options.ts';
import { useCaseListRefresh } from '../../realtime/use-case-events.ts';
import { useCasesTexts } from './texts.ts';

/**
 * "My cases": find any case by its reference, my open cases, and my departments' open cases. Both
 * lists are read again when a case of mine or of my departments changes (realtime `case:changed`).
 */
export function CasesPage() {
  const [searchError, setSearchError] = useState(false);
  const refresh = useCaseListRefresh();
  const t = useCasesTexts();
  const loadMine = useCallback((offset: number) => fetchMyCases(offset, casesPerPage), []);
  return (
    <>
      <PageTitle title={t.title} hasErrors={searchError} />
      <div className="govuk-button-group">
        <Link className="govuk-button" data-module="govuk-button" href={paths.logContact}>
          {t.logContact}
        </Link>
        <Link
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          href={paths.socialMediaTransfer}
        >
          {t.transferSocial}
        </Link>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CaseReferenceSearch
            onErrorChange={setSearchError}
            heading={t.findACase}
            buttonText={t.findCase}
            destination={paths.case}
          />
        </div>
      </div>
      <section aria-labelledby="my-cases-heading">
        <h2 className="govuk-heading-m govuk-!-margin-top-6" id="my-cases-heading">
          {t.myOpenCases}
        </h2>
        <CaseList name={t.myOpenCases} load={loadMine} emptyText={t.youOwnNone} refresh={refresh} />
      </section>
      <DepartmentCases refresh={refresh} />
    </>
  );
}

function DepartmentCases({ refresh }: { refresh: number }) {
  const options = useCaseOptions();
  if (options.status !== 'ready') return null;
  const { departments, myDepartmentIds } = options.options;
  // Staff who work in no listed department work in all of them.
  const mine = myDepartmentIds.length > 0 ? departments.filter((d) => myDepartmentIds.includes(d.id)) : departments;
  const first = mine[0];
  return first ? <DepartmentCaseList departments={mine} first={first.id} refresh={refresh} /> : null;
}

/**
 * One department's open cases at a time; the department changes when the button is pressed, not as the select moves.
 */
function DepartmentCaseList({
  departments,
  first,
  refresh,
}: {
  departments: { id: string; label: string }[];
  first: string;
  refresh: number;
}) {
  const t = useCasesTexts();
  const [selected, setSelected] = useState(first);
  const [shown, setShown] = useState(first);
  const loadDepartment = useCallback((offset: number) => fetchDepartmentCases(shown, offset, casesPerPage), [shown]);
  const loadMessages = useCallback(
    (offset: number) => fetchDepartmentCases(shown, offset, casesPerPage, 'messages-to-answer'),
    [shown],
  );
  const label = departments.find((d) => d.id === shown)?.label ?? shown;
  return (
    <section aria-labelledby="department-cases-heading">
      <h2 className="govuk-heading-m" id="department-cases-heading">
        {departments.length > 1 ? t.openInMyDepartments : t.openIn(label)}
      </h2>
      {departments.length > 1 ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setShown(selected);
          }}
        >
          <Select
            id="department-cases"
            label={t.department}
            options={departments.map((d) => ({ value: d.id, text: d.label }))}
            value={selected}
            onValueChange={setSelected}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t.showCases}
          </button>
        </form>
      ) : null}
      {/* Messages residents left instead of chatting (ADR 40), until someone replies by email. */}
      <h3 className="govuk-heading-s">{t.messagesToAnswerIn(label)}</h3>
      <CaseList
        key={`messages-${shown}`}
        name={t.messagesToAnswerIn(label)}
        load={loadMessages}
        emptyText={t.noMessagesToAnswer(label)}
        showOwner
        refresh={refresh}
      />
      <h3 className="govuk-heading-s">{t.allOpenIn(label)}</h3>
      <CaseList
        key={shown}
        name={t.openIn(label)}
        load={loadDepartment}
        emptyText={t.noOpenCases(label)}
        showOwner
        refresh={refresh}
      />
    </section>
  );
}
