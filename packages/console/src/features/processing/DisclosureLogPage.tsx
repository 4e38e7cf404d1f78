import type { Disclosure } from '@ward/protocol';
import { useState } from 'react';
import { fetchDisclosures } from '../../api/disclosures.ts';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { useLanguage, useTexts } from '../../i18n/language.tsx';
import { dateTexts } from '../rights/date-texts.ts';
import { formatCalendarDate } from '../rights/rights-wording.ts';
import { useProcessingTexts } from './texts.ts';
import { validateDisclosureRange, type RangeField } from './validate-disclosure-range.ts';

const ids = { from: 'disclosures-from', to: 'disclosures-to' };
const empty: TypedDate = { day: '', month: '', year: '' };

/** The disclosure log (ADR 30): what was shared with whom, why and on which basis, between two dates. */
export function DisclosureLogPage() {
  const announce = useAnnounce();
  const says = useProcessingTexts();
  const dates = useTexts(dateTexts);
  const language = useLanguage();
  const cleared = says.cleared;
  const [from, setFrom] = useState<TypedDate>(empty);
  const [to, setTo] = useState<TypedDate>(empty);
  const [parts, setParts] = useState<Record<RangeField, DatePart[]>>({ from: [], to: [] });
  const [disclosures, setDisclosures] = useState<Disclosure[] | null>(null);
  const fieldIds = (field: RangeField) => dateInputFieldId(ids[field], parts[field]);
  const { errors, summary, attempt, busy, submit } = useFormSubmit<RangeField>(fieldIds, ['from', 'to']);

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <PageTitle title={says.disclosureLog} hasErrors={summary.length > 0} />
      <p className="govuk-body">{says.disclosureIntro}</p>
      <form
        noValidate
        aria-label={says.chooseDates}
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateDisclosureRange(from, to, says, dates);
            setParts(checked.parts);
            const range = checked.range;
            if (!range) return { errors: checked.errors };
            return {
              send: async () => {
                const found = await fetchDisclosures(range);
                setDisclosures(found);
                announce(says.disclosuresFound(found.length));
              },
            };
          })
        }
      >
        <DateInput
          id={ids.from}
          legend={says.from}
          hint={says.fromHint}
          value={from}
          onValueChange={(part, value) => setFrom((d) => ({ ...d, [part]: value }))}
          error={errors.from}
          errorParts={parts.from}
        />
        <DateInput
          id={ids.to}
          legend={says.to}
          hint={says.toHint}
          value={to}
          onValueChange={(part, value) => setTo((d) => ({ ...d, [part]: value }))}
          error={errors.to}
          errorParts={parts.to}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {says.showDisclosures}
        </button>
      </form>
      {disclosures === null ? null : disclosures.length === 0 ? (
        <p className="govuk-body">{says.noDisclosures}</p>
      ) : (
        <Table
          caption={says.newestFirst(says.disclosures(disclosures.length))}
          captionClassName="govuk-table__caption--m"
          regionLabel={says.disclosuresRegion}
          rows={disclosures}
          rowKey={(d) => d.id}
          columns={[
            { header: says.date, cell: (d) => formatCalendarDate(d.disclosedOn, language) },
            { header: says.case, cell: (d) => d.caseReference },
            {
              header: says.sharedWith,
              cell: (d) => <span className="ward-break-anywhere">{d.recipientOrganisation}</span>,
            },
            { header: says.lawfulBasis, cell: (d) => says.lawfulBases[d.lawfulBasis] },
            {
              header: says.whatShared,
              cell: (d) => <span className="ward-break-anywhere">{d.whatShared ?? cleared}</span>,
            },
            { header: says.why, cell: (d) => <span className="ward-break-anywhere">{d.why ?? cleared}</span> },
          ]}
        />
      )}
    </>
  );
}
