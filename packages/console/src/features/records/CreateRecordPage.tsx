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
import { contactPreferencesIn } from './record-wording.ts';
import { useRecordsTexts } from './texts.ts';
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
  const texts = useRecordsTexts();
  const [typed, setTyped] = useState(empty);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(ids, newRecordFields);
  const set = (field: NewRecordField) => (value: string) => setTyped((t) => ({ ...t, [field]: value }));

  function check(): FormCheck<NewRecordField> {
    const checked = validateNewRecord(typed, texts.errors);
    if ('errors' in checked) return { errors: checked.errors };
    return { send: async () => goToRecord((await createRecord(checked.details)).id, texts.recordCreated) };
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
        {texts.backToResidents}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} />
          <PageTitle title={texts.createRecord} hasErrors={hasErrors} />
          <p className="govuk-body">{texts.createIntro}</p>
          <form noValidate onSubmit={(event) => void submit(event, check)}>
            <TextInput
              id={ids.name}
              label={texts.fullName}
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
                addressLegend={texts.addressOptional}
                typed={address}
                errors={errors as FieldErrors<DetailField>}
                onChange={(field, value) => set(field as NewRecordField)(value)}
              />
            </div>
            <TextInput
              id={ids.phone}
              label={texts.phoneOptional}
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
              label={texts.emailOptional}
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
              legend={texts.preferenceOptional}
              items={contactPreferencesIn(texts)}
              value={typed.preference}
              onValueChange={set('preference')}
              error={errors.preference}
            />
            <Textarea
              id={ids.note}
              label={texts.noteOptional}
              labelClassName="govuk-label--s"
              hint={texts.noteHint}
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
                {texts.createButton}
              </button>
              <Link className="govuk-link" href={paths.records}>
                {texts.cancel}
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
