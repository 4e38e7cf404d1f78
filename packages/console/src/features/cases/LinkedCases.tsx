import type { CaseBrief, CaseDetail } from '@ward/protocol';
import { useRef, useState } from 'react';
import { linkCase, unlinkCase } from '../../api/cases.ts';
import { messageOf } from '../../api/errors.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { channelNames } from './case-wording.ts';
import { checkLinkReference } from './validate-case.ts';

/** Related contacts, whichever side linked them: listed, unlinked, or linked by reference. */
export function LinkedCases({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const [typed, setTyped] = useState('');
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function unlink(linked: CaseBrief) {
    if (busy) return;
    setBusy(true);
    setUnlinkError(null);
    try {
      const next = await unlinkCase(detail.id, linked.id);
      onChange(next, `Case ${linked.caseReference} is no longer linked`);
      // The button has gone with its row: focus returns to the section.
      headingRef.current?.focus();
    } catch (error) {
      setUnlinkError(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<CaseBrief>[] = [
    {
      header: 'Case',
      cell: (linked) => (
        <Link className="govuk-link" href={pathTo(paths.case, { caseReference: linked.caseReference })}>
          {linked.caseReference}
        </Link>
      ),
    },
    { header: 'Channel', cell: (linked) => channelNames[linked.channel] },
    { header: 'Department', cell: (linked) => linked.departmentLabel },
    { header: 'Contacted', cell: (linked) => formatDate(linked.contactedAt) },
    { header: 'Status', cell: (linked) => <CaseStatusTag status={linked.status} /> },
    {
      header: <span className="govuk-visually-hidden">Actions</span>,
      cell: (linked) => (
        <button
          type="button"
          className="ward-link-button"
          onClick={() => void unlink(linked)}
          aria-disabled={busy || undefined}
        >
          Unlink<span className="govuk-visually-hidden"> case {linked.caseReference}</span>
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="linked-heading">
      <h2 className="govuk-heading-m ward-page-heading" id="linked-heading" ref={headingRef} tabIndex={-1}>
        Related cases
      </h2>
      {unlinkError ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {unlinkError}
        </p>
      ) : null}
      {detail.linkedCases.length === 0 ? (
        <p className="govuk-body">No other cases are linked to this one.</p>
      ) : (
        <Table
          caption="Cases linked to this one"
          captionClassName="govuk-table__caption--s"
          regionLabel="Linked cases"
          rows={detail.linkedCases}
          rowKey={(c) => c.id}
          columns={columns}
        />
      )}
      <CaseForm
        id="link-case"
        fieldId="link-reference"
        submitText="Link case"
        secondary
        onErrorChange={onErrorChange}
        check={() =>
          runIfValid(
            checkLinkReference(
              typed,
              detail.caseReference,
              detail.linkedCases.map((c) => c.caseReference),
            ),
            async (value) => {
              const next = await linkCase(detail.id, value);
              setTyped('');
              onChange(next, `Case ${value} linked`);
            },
          )
        }
      >
        {(error) => (
          <TextInput
            id="link-reference"
            label="Link a related case"
            labelClassName="govuk-label--s"
            hint="Enter its case reference, for example 4K7M-9P2X"
            widthClassName="govuk-input--width-10"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={typed}
            onValueChange={setTyped}
            error={error}
          />
        )}
      </CaseForm>
    </section>
  );
}
