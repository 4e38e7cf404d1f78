import type { RecordSummary } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { searchRecords } from '../../api/records.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import {
  recordSearchFields,
  validateRecordSearch,
  type RecordSearchField,
  type TypedRecordSearch,
} from './validate-record.ts';
import { useRecordsTexts } from './texts.ts';

interface RecordSearchFormProps {
  /** Prefix for field ids, so two forms could share a page. */
  idPrefix: string;
  heading: string;
  submitText: string;
  onResults: (records: RecordSummary[]) => void;
  onErrorChange: (hasErrors: boolean) => void;
}

const empty: TypedRecordSearch = { name: '', email: '', phone: '', postcode: '', caseReference: '' };

/**
 * Finds customer records by name, email, phone, postcode or case reference (blind indexes; every
 * search audited). What is typed goes in a POST body, never the URL.
 */
export function RecordSearchForm({ idPrefix, heading, submitText, onResults, onErrorChange }: RecordSearchFormProps) {
  const texts = useRecordsTexts();
  const [typed, setTyped] = useState(empty);
  const ids = Object.fromEntries(recordSearchFields.map((f) => [f, `${idPrefix}-${f}`])) as Record<
    RecordSearchField,
    string
  >;
  const set = (field: RecordSearchField) => (value: string) => setTyped((t) => ({ ...t, [field]: value }));
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(ids, recordSearchFields);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<RecordSearchField> {
    const checked = validateRecordSearch(typed, texts.errors);
    if ('errors' in checked) return checked;
    return { send: async () => onResults(await searchRecords(checked.query)) };
  }
  const common = { autoComplete: 'off', spellCheck: false } as const;
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => void submit(event, check)}
        role="search"
        aria-labelledby={`${idPrefix}-heading`}
      >
        <h2 className="govuk-heading-m" id={`${idPrefix}-heading`}>
          {heading}
        </h2>
        <p className="govuk-body">{texts.fillInOne}</p>
        <TextInput
          id={ids.name}
          label={texts.name}
          hint={texts.nameHint}
          value={typed.name}
          onValueChange={set('name')}
          error={errors.name}
          {...common}
        />
        <TextInput
          id={ids.email}
          label={texts.emailAddress}
          type="email"
          value={typed.email}
          onValueChange={set('email')}
          error={errors.email}
          {...common}
        />
        <TextInput
          id={ids.phone}
          label={texts.phoneNumber}
          type="tel"
          widthClassName="govuk-input--width-20"
          value={typed.phone}
          onValueChange={set('phone')}
          error={errors.phone}
          {...common}
        />
        <TextInput
          id={ids.postcode}
          label={texts.postcode}
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.postcode}
          onValueChange={set('postcode')}
          error={errors.postcode}
          {...common}
        />
        <TextInput
          id={ids.caseReference}
          label={texts.caseReference}
          hint={texts.caseReferenceHint}
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.caseReference}
          onValueChange={set('caseReference')}
          error={errors.caseReference}
          {...common}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {submitText}
        </button>
      </form>
    </>
  );
}
