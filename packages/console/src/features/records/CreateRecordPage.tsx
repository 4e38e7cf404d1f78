import { useState } from 'react';
import { createRecord } from '../../api/records.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea, TextInput } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { DetailFields } from './DetailFields.tsx';
import { goToRecord } from './record-flash.ts';
import { contactPreferences } from './record-wording.ts';
import {
  emptyDetail,
  newRecordFields,
  validateNewRecord,
  type DetailField,
  type NewRecordField,
  type TypedNewRecord,
} from './validate-record.ts';

const prefix = 'new-record';
const ids = Object.fromEntries(newRecordFields.map((f) => [f, `${prefix}-${f}`])) as Record<NewRecordField, string>;
const empty: TypedNewRecord = {
  name: '',
  line1: '',
  line2: '',
  town: '',
  postcode: '',
  uprn: '',
  phone: '',
  email: '',
  preference: '',
  note: '',
};

/** "Create a record": a resident who contacted the council another way, or before Ward. */
export function CreateRecordPage() {
  const [typed, setTyped] = useState(empty);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(ids, newRecordFields);
  const set = (field: NewRecordField) => (value: string) => setTyped((t) => ({ ...t, [field]: value }));

  function check(): FormCheck<NewRecordField> {
    const checked = validateNewRecord(typed);
    if ('errors' in checked) return { errors: checked.errors };
    return { send: async () => goToRecord((await createRecord(checked.details)).id, 'Record created') };
  }

  const address = {
    ...emptyDetail,
    line1: typed.line1,
    line2: typed.line2,
    town: typed.town,
    postcode: typed.postcode,
    uprn: typed.uprn,
  };
  return (
    <>
      <Link className="govuk-back-link" href={paths.records}>
        Back to residents
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} />
          <PageTitle title="Create a record" hasErrors={hasErrors} />
          <p className="govuk-body">
            Search for the resident first, so they do not get a second record. You can add more details to the record
            later.
          </p>
          <form noValidate onSubmit={(event) => void submit(event, check)}>
            <TextInput
              id={ids.name}
              label="Full name"
              labelClassName="govuk-label--s"
              value={typed.name}
              onValueChange={set('name')}
              error={errors.name}
              autoComplete="off"
              spellCheck={false}
            />
            <div className="govuk-form-group">
              <DetailFields
                idPrefix={prefix}
                kind="address"
                addressLegend="Address (optional)"
                typed={address}
                errors={errors as FieldErrors<DetailField>}
                onChange={(field, value) => set(field as NewRecordField)(value)}
              />
            </div>
            <TextInput
              id={ids.phone}
              label="Phone number (optional)"
              labelClassName="govuk-label--s"
              type="tel"
              widthClassName="govuk-input--width-20"
              value={typed.phone}
              onValueChange={set('phone')}
              error={errors.phone}
              autoComplete="off"
            />
            <TextInput
              id={ids.email}
              label="Email address (optional)"
              labelClassName="govuk-label--s"
              type="email"
              value={typed.email}
              onValueChange={set('email')}
              error={errors.email}
              autoComplete="off"
              spellCheck={false}
            />
            <Radios
              id={ids.preference}
              legend="How do they prefer to be contacted? (optional)"
              items={contactPreferences}
              value={typed.preference}
              onValueChange={set('preference')}
              error={errors.preference}
            />
            <Textarea
              id={ids.note}
              label="Note (optional)"
              labelClassName="govuk-label--s"
              hint="Do not include card or bank details"
              value={typed.note}
              onValueChange={set('note')}
              error={errors.note}
              spellCheck
            />
            <div className="govuk-button-group">
              <button
                type="submit"
                className="govuk-button"
                data-module="govuk-button"
                aria-disabled={busy || undefined}
              >
                Create record
              </button>
              <Link className="govuk-link" href={paths.records}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
