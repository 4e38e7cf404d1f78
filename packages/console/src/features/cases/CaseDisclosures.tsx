import type { CaseDetail, LawfulBasis } from '@ward/protocol';
import { lawfulBasisLabels, lawfulBases } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { recordDisclosure } from '../../api/disclosures.ts';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, TextInput, Textarea } from '../../ui/Field.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { formatDisclosureDate } from './case-wording.ts';
import { validateDisclosure, type DisclosureField } from './validate-disclosure.ts';

const ids: Record<DisclosureField, string> = {
  recipient: 'disclosure-recipient',
  contact: 'disclosure-contact',
  basis: 'disclosure-basis',
  what: 'disclosure-what',
  why: 'disclosure-why',
  date: 'disclosure-date',
};
const order: DisclosureField[] = ['recipient', 'contact', 'basis', 'what', 'why', 'date'];
const blankDate: TypedDate = { day: '', month: '', year: '' };
const basisItems = lawfulBases.map((value) => ({ value, label: lawfulBasisLabels[value] }));

/**
 * Disclosures to third parties on the case (ADR 30): what was shared with whom, why and on what
 * lawful basis, oldest first; and the form to record one (staff of the case's department).
 */
export function CaseDisclosures({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const [recipient, setRecipient] = useState('');
  const [contact, setContact] = useState('');
  const [basis, setBasis] = useState<LawfulBasis | ''>('');
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const [date, setDate] = useState<TypedDate>(blankDate);
  const [dateParts, setDateParts] = useState<DatePart[]>([]);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<DisclosureField>(
    (field) => (field === 'date' ? dateInputFieldId(ids.date, dateParts) : ids[field]),
    order,
  );
  useEffect(() => onErrorChange('record-disclosure', hasErrors), [hasErrors, onErrorChange]);

  function check() {
    const checked = validateDisclosure({ recipient, contact, basis, what, why, date }, new Date());
    setDateParts(checked.dateParts);
    const body = checked.body;
    if (!body) return { errors: checked.errors };
    return {
      send: async () => {
        const next = await recordDisclosure(detail.id, body);
        setRecipient('');
        setContact('');
        setBasis('');
        setWhat('');
        setWhy('');
        setDate(blankDate);
        onChange(next, `Disclosure to ${body.recipientOrganisation} recorded`);
      },
    };
  }

  return (
    <section aria-labelledby="disclosures-heading">
      <h2 className="govuk-heading-m" id="disclosures-heading">
        Disclosures to third parties
      </h2>
      {detail.disclosures.length === 0 ? (
        <p className="govuk-body">Nothing from this case has been shared with another organisation.</p>
      ) : (
        <ul className="govuk-list" aria-label="Disclosures, oldest first">
          {detail.disclosures.map((d) => (
            <li key={d.id}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
                {d.recipientOrganisation} on {formatDisclosureDate(d.disclosedOn)}
              </h3>
              <SummaryList
                rows={[
                  { key: 'Contact', value: d.recipientContact ?? 'Not recorded' },
                  { key: 'Lawful basis', value: lawfulBasisLabels[d.lawfulBasis] },
                  {
                    key: 'What was shared',
                    value: <span className="ward-pre-wrap ward-break-anywhere">{d.whatShared ?? 'Deleted'}</span>,
                  },
                  {
                    key: 'Why',
                    value: <span className="ward-pre-wrap ward-break-anywhere">{d.why ?? 'Deleted'}</span>,
                  },
                  { key: 'Recorded by', value: d.recordedBy?.name ?? 'Ward' },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="record-disclosure-heading">
        <h3 className="govuk-heading-s" id="record-disclosure-heading">
          Record a disclosure
        </h3>
        <TextInput
          id={ids.recipient}
          label="Organisation it was shared with"
          labelClassName="govuk-label--s"
          hint="For example, the police or a housing association"
          autoComplete="off"
          value={recipient}
          onValueChange={setRecipient}
          error={errors.recipient}
        />
        <TextInput
          id={ids.contact}
          label="Contact at the organisation (optional)"
          labelClassName="govuk-label--s"
          hint="A name, team or email address"
          autoComplete="off"
          spellCheck={false}
          value={contact}
          onValueChange={setContact}
          error={errors.contact}
        />
        <Radios
          id={ids.basis}
          legend="Lawful basis for sharing"
          legendClassName="govuk-fieldset__legend--s"
          items={basisItems}
          value={basis}
          onValueChange={setBasis}
          error={errors.basis}
        />
        <Textarea
          id={ids.what}
          label="What was shared"
          labelClassName="govuk-label--s"
          hint="Card numbers, bank details and National Insurance numbers are removed."
          rows={3}
          value={what}
          onValueChange={setWhat}
          error={errors.what}
        />
        <Textarea
          id={ids.why}
          label="Why it was shared"
          labelClassName="govuk-label--s"
          rows={3}
          value={why}
          onValueChange={setWhy}
          error={errors.why}
        />
        <DateInput
          id={ids.date}
          legend="When was it shared? (optional)"
          legendClassName="govuk-fieldset__legend--s"
          hint="Leave blank for today. For example, 27 3 2026"
          value={date}
          onValueChange={(part, value) => setDate((current) => ({ ...current, [part]: value }))}
          error={errors.date}
          errorParts={dateParts}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Record disclosure
        </button>
      </form>
    </section>
  );
}
