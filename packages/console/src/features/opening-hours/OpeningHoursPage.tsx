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
  return (
    <>
      <PageTitle title="Opening hours" hasErrors={hasErrors} />
      <p className="govuk-body">
        Advisers answer chats in the usual hours from the council’s settings file, and are closed on bank holidays
        unless it says otherwise. Add a closure or special hours here: residents see it in the chat at once. Past ones
        drop off this list by themselves.
      </p>
      {loaded.status === 'loading' ? <Loading text="Loading closures and special hours…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? (
        <>
          <h2 className="govuk-heading-m" id="exceptions-heading" ref={listHeading} tabIndex={-1}>
            Closures and special hours
          </h2>
          <ExceptionList
            exceptions={loaded.data.exceptions}
            departments={loaded.data.departments}
            onRemoved={(removed) => {
              update((data) => ({ ...data, exceptions: data.exceptions.filter((e) => e.id !== removed.id) }));
              announce(`Removed: ${describeHours(removed)} on ${describeDates(removed)}. The usual hours apply again.`);
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
              announce(`Added: ${describeHours(added)} on ${describeDates(added)}.`);
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
  if (exceptions.length === 0) return <p className="govuk-body">There are no closures or special hours coming up.</p>;
  return (
    <>
      {problem ? <ErrorMessage id="exceptions-error">{problem}</ErrorMessage> : null}
      <Table
        caption={<span className="govuk-visually-hidden">Closures and special hours, by first date</span>}
        regionLabel="Closures and special hours"
        rows={exceptions}
        rowKey={(e) => e.id}
        columns={[
          { header: 'Dates', cell: (e) => describeDates(e) },
          { header: 'Hours', cell: (e) => describeHours(e) },
          { header: 'Departments', cell: (e) => describeDepartments(e.departments, departments) },
          { header: 'Reason', cell: (e) => e.reason },
          {
            header: <span className="govuk-visually-hidden">Action</span>,
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
                Remove<span className="govuk-visually-hidden"> {`${describeHours(e)} on ${describeDates(e)}`}</span>
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
