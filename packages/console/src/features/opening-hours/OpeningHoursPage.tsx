import type { Department, OpeningException } from '@ward/protocol';
import { useRef, useState } from 'react';
import { fetchOpeningExceptions, removeOpeningException } from '../../api/opening-hours.ts';
import { messageOf } from '../../api/errors.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorMessage } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { describeDepartments } from '../staff/validate-departments.ts';
import { AddExceptionForm } from './AddExceptionForm.tsx';
import { describeDates, describeHours } from './opening-hours-wording.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useOpeningHoursTexts } from './texts.ts';
import type { OpeningHoursTexts } from './texts-en.ts';
import type { Language } from '@ward/protocol';

/** "Closed on 24 December 2026", in the page's language. */
const describe = (e: OpeningException, texts: OpeningHoursTexts, language: Language) =>
  texts.hoursOnDates(describeHours(e, texts), describeDates(e, language, texts));

/**
 * Closures and special hours (issue 11, ADR 47), for administrators: the usual weekly hours and
 * bank holidays come from the council's settings file; these are added here and apply at once.
 */
export function OpeningHoursPage() {
  const { loaded, update } = useLoaded(fetchOpeningExceptions);
  const [hasErrors, setHasErrors] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const announce = useAnnounce();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const texts = useOpeningHoursTexts();
  const language = useLanguage();
  return (
    <>
      <PageTitle title={texts.title} hasErrors={hasErrors} />
      <p className="govuk-body">{texts.intro}</p>
      {loaded.status === 'loading' ? <Loading text={texts.loading} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        <>
          <h2 className="govuk-heading-m" id="exceptions-heading" ref={listHeading} tabIndex={-1}>
            {texts.listHeading}
          </h2>
          <ExceptionList
            exceptions={loaded.data.exceptions}
            departments={loaded.data.departments}
            onRemoved={(removed) => {
              update((data) => ({ ...data, exceptions: data.exceptions.filter((e) => e.id !== removed.id) }));
              announce(texts.removed(describeHours(removed, texts), describeDates(removed, language, texts)));
              listHeading.current?.focus();
            }}
          />
          <AddExceptionForm
            key={formKey}
            departments={loaded.data.departments}
            onErrors={setHasErrors}
            onAdded={(added) => {
              update((data) => ({
                ...data,
                exceptions: [...data.exceptions, added].sort((a, b) => a.from.localeCompare(b.from)),
              }));
              setFormKey((key) => key + 1);
              announce(texts.added(describeHours(added, texts), describeDates(added, language, texts)));
              listHeading.current?.focus();
            }}
          />
        </>
      ) : null}
    </>
  );
}

function ExceptionList(props: {
  exceptions: OpeningException[];
  departments: Department[];
  onRemoved: (exception: OpeningException) => void;
}) {
  const { exceptions, departments } = props;
  const [removing, setRemoving] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const texts = useOpeningHoursTexts();
  const language = useLanguage();
  if (exceptions.length === 0) return <p className="govuk-body">{texts.nothingComing}</p>;
  return (
    <>
      {problem ? <ErrorMessage id="exceptions-error">{problem}</ErrorMessage> : null}
      <Table
        caption={<span className="govuk-visually-hidden">{texts.caption}</span>}
        regionLabel={texts.listHeading}
        rows={exceptions}
        rowKey={(e) => e.id}
        columns={[
          { header: texts.dates, cell: (e) => describeDates(e, language, texts) },
          { header: texts.hours, cell: (e) => describeHours(e, texts) },
          {
            header: texts.departments,
            cell: (e) => describeDepartments(e.departments, departments, texts.allDepartments),
          },
          { header: texts.reason, cell: (e) => e.reason },
          {
            header: <span className="govuk-visually-hidden">{texts.action}</span>,
            cell: (e) => (
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                data-module="govuk-button"
                aria-disabled={removing === e.id || undefined}
                onClick={() => {
                  if (removing) return;
                  setRemoving(e.id);
                  removeOpeningException(e.id)
                    .then(() => {
                      setProblem(null);
                      props.onRemoved(e);
                    })
                    .catch((error: unknown) => {
                      setProblem(messageOf(error));
                      announce(messageOf(error));
                    })
                    .finally(() => setRemoving(null));
                }}
              >
                {texts.remove}
                <span className="govuk-visually-hidden"> {describe(e, texts, language)}</span>
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
