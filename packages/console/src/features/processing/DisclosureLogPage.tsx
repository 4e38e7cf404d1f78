import type { Disclosure } from '@ward/protocol';
import { lawfulBasisLabels } from '@ward/protocol';
import { useState } from 'react';
import { fetchDisclosures } from '../../api/disclosures.ts';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { formatDisclosureDate } from '../cases/case-wording.ts';
import { validateDisclosureRange, type RangeField } from './validate-disclosure-range.ts';

const ids = { from: 'disclosures-from', to: 'disclosures-to' };
const empty: TypedDate = { day: '', month: '', year: '' };
const cleared = 'Deleted at the end of its retention period';

/** The disclosure log (ADR 30): what was shared with whom, why and on which basis, between two dates. */
export function DisclosureLogPage() {
  const announce = useAnnounce();
  const [from, setFrom] = useState<TypedDate>(empty);
  const [to, setTo] = useState<TypedDate>(empty);
  const [parts, setParts] = useState<Record<RangeField, DatePart[]>>({ from: [], to: [] });
  const [disclosures, setDisclosures] = useState<Disclosure[] | null>(null);
  const fieldIds = (field: RangeField) => dateInputFieldId(ids[field], parts[field]);
  const { errors, summary, attempt, busy, submit } = useFormSubmit<RangeField>(fieldIds, ['from', 'to']);

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <PageTitle title="Disclosure log" hasErrors={summary.length > 0} />
      <p className="govuk-body">
        Every disclosure of a resident’s information to another organisation, recorded on its case. Reading the log is
        in the audit trail. Leave a date empty to leave that end open.
      </p>
      <form
        noValidate
        aria-label="Choose the dates"
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateDisclosureRange(from, to);
            setParts(checked.parts);
            const range = checked.range;
            if (!range) return { errors: checked.errors };
            return {
              send: async () => {
                const found = await fetchDisclosures(range);
                setDisclosures(found);
                announce(`${found.length} ${found.length === 1 ? 'disclosure' : 'disclosures'} found.`);
              },
            };
          })
        }
      >
        <DateInput
          id={ids.from}
          legend="From"
          hint="For example, 1 9 2026"
          value={from}
          onValueChange={(part, value) => setFrom((d) => ({ ...d, [part]: value }))}
          error={errors.from}
          errorParts={parts.from}
        />
        <DateInput
          id={ids.to}
          legend="To"
          hint="For example, 30 11 2026"
          value={to}
          onValueChange={(part, value) => setTo((d) => ({ ...d, [part]: value }))}
          error={errors.to}
          errorParts={parts.to}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Show disclosures
        </button>
      </form>
      {disclosures === null ? null : disclosures.length === 0 ? (
        <p className="govuk-body">No disclosures were recorded between those dates.</p>
      ) : (
        <Table
          caption={`${disclosures.length} ${disclosures.length === 1 ? 'disclosure' : 'disclosures'}, newest first`}
          captionClassName="govuk-table__caption--m"
          regionLabel="Disclosures"
          rows={disclosures}
          rowKey={(d) => d.id}
          columns={[
            { header: 'Date', cell: (d) => formatDisclosureDate(d.disclosedOn) },
            { header: 'Case', cell: (d) => d.caseReference },
            {
              header: 'Shared with',
              cell: (d) => <span className="ward-break-anywhere">{d.recipientOrganisation}</span>,
            },
            { header: 'Lawful basis', cell: (d) => lawfulBasisLabels[d.lawfulBasis] },
            {
              header: 'What was shared',
              cell: (d) => <span className="ward-break-anywhere">{d.whatShared ?? cleared}</span>,
            },
            { header: 'Why', cell: (d) => <span className="ward-break-anywhere">{d.why ?? cleared}</span> },
          ]}
        />
      )}
    </>
  );
}
