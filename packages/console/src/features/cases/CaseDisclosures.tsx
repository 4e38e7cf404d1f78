import type { CaseDetail, LawfulBasis } from '@ward/protocol';
import { lawfulBases } from '@ward/protocol';
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
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';

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
  const t = useCasesTexts();
  const words = useCaseWords();
  const language = useLanguage();
  const basisItems = lawfulBases.map((value) => ({ value, label: words.lawfulBases[value] }));
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
    const checked = validateDisclosure({ recipient, contact, basis, what, why, date }, new Date(), t);
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
        onChange(next, t.disclosureRecorded(body.recipientOrganisation));
      },
    };
  }

  return (
    <section aria-labelledby="disclosures-heading">
      <h2 className="govuk-heading-m" id="disclosures-heading">
        {t.disclosures}
      </h2>
      {detail.disclosures.length === 0 ? (
        <p className="govuk-body">{t.nothingShared}</p>
      ) : (
        <ul className="govuk-list" aria-label={t.disclosuresOldestFirst}>
          {detail.disclosures.map((d) => (
            <li key={d.id}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
                {t.sharedOn(d.recipientOrganisation, formatDisclosureDate(d.disclosedOn, language))}
              </h3>
              <SummaryList
                rows={[
                  { key: t.contact, value: d.recipientContact ?? t.notRecorded },
                  { key: t.lawfulBasis, value: words.lawfulBases[d.lawfulBasis] },
                  {
                    key: t.whatShared,
                    value: <span className="ward-pre-wrap ward-break-anywhere">{d.whatShared ?? t.deleted}</span>,
                  },
                  {
                    key: t.why,
                    value: <span className="ward-pre-wrap ward-break-anywhere">{d.why ?? t.deleted}</span>,
                  },
                  { key: t.recordedBy, value: d.recordedBy?.name ?? 'Ward' },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="record-disclosure-heading">
        <h3 className="govuk-heading-s" id="record-disclosure-heading">
          {t.recordDisclosureHeading}
        </h3>
        <TextInput
          id={ids.recipient}
          label={t.organisation}
          labelClassName="govuk-label--s"
          hint={t.organisationHint}
          autoComplete="off"
          value={recipient}
          onValueChange={setRecipient}
          error={errors.recipient}
        />
        <TextInput
          id={ids.contact}
          label={t.contactLabel}
          labelClassName="govuk-label--s"
          hint={t.contactHint}
          autoComplete="off"
          spellCheck={false}
          value={contact}
          onValueChange={setContact}
          error={errors.contact}
        />
        <Radios
          id={ids.basis}
          legend={t.basisLegend}
          legendClassName="govuk-fieldset__legend--s"
          items={basisItems}
          value={basis}
          onValueChange={setBasis}
          error={errors.basis}
        />
        <Textarea
          id={ids.what}
          label={t.whatShared}
          labelClassName="govuk-label--s"
          hint={t.whatHint}
          rows={3}
          value={what}
          onValueChange={setWhat}
          error={errors.what}
        />
        <Textarea
          id={ids.why}
          label={t.whyShared}
          labelClassName="govuk-label--s"
          rows={3}
          value={why}
          onValueChange={setWhy}
          error={errors.why}
        />
        <DateInput
          id={ids.date}
          legend={t.whenShared}
          legendClassName="govuk-fieldset__legend--s"
          hint={t.whenHint}
          value={date}
          onValueChange={(part, value) => setDate((current) => ({ ...current, [part]: value }))}
          error={errors.date}
          errorParts={dateParts}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {t.recordDisclosure}
        </button>
      </form>
    </section>
  );
}
