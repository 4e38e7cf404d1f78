import type { RecordSummary } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { searchRecords } from '../../api/records.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { errorItems, type FieldErrors } from '../../ui/validation.ts';
import {
  recordSearchFields,
  validateRecordSearch,
  type RecordSearchField,
  type TypedRecordSearch,
} from './validate-record.ts';

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
  const [typed, setTyped] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<RecordSearchField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const ids = Object.fromEntries(recordSearchFields.map((f) => [f, `${idPrefix}-${f}`])) as Record<
    RecordSearchField,
    string
  >;
  const set = (field: RecordSearchField) => (value: string) => setTyped((t) => ({ ...t, [field]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempt((a) => a + 1);
    const checked = validateRecordSearch(typed);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setFormError(null);
      onErrorChange(true);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onResults(await searchRecords(checked.query));
      setFormError(null);
      onErrorChange(false);
    } catch (error) {
      setFormError(messageOf(error));
      onErrorChange(true);
    } finally {
      setBusy(false);
    }
  }

  const summary = [...(formError ? [{ text: formError }] : []), ...errorItems(errors, ids, recordSearchFields)];
  const common = { autoComplete: 'off', spellCheck: false } as const;
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} role="search" aria-labelledby={`${idPrefix}-heading`}>
        <h2 className="govuk-heading-m" id={`${idPrefix}-heading`}>
          {heading}
        </h2>
        <p className="govuk-body">Fill in one or more. A record is found when everything you enter matches.</p>
        <TextInput
          id={ids.name}
          label="Name"
          hint="Every word must match, in any order"
          value={typed.name}
          onValueChange={set('name')}
          error={errors.name}
          {...common}
        />
        <TextInput
          id={ids.email}
          label="Email address"
          type="email"
          value={typed.email}
          onValueChange={set('email')}
          error={errors.email}
          {...common}
        />
        <TextInput
          id={ids.phone}
          label="Phone number"
          type="tel"
          widthClassName="govuk-input--width-20"
          value={typed.phone}
          onValueChange={set('phone')}
          error={errors.phone}
          {...common}
        />
        <TextInput
          id={ids.postcode}
          label="Postcode"
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.postcode}
          onValueChange={set('postcode')}
          error={errors.postcode}
          {...common}
        />
        <TextInput
          id={ids.caseReference}
          label="Case reference"
          hint="For example, 4K7M-9P2X"
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
