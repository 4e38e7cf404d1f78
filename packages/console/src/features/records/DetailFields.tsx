import type { RecordDetailKind } from '@ward/protocol';
import { Radios, Textarea, TextInput } from '../../ui/Field.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import { contactPreferencesIn } from './record-wording.ts';
import { useRecordsTexts } from './texts.ts';
import type { DetailField, TypedDetail } from './validate-record.ts';

export const detailFieldId = (prefix: string, field: DetailField) => `${prefix}-${field}`;

interface DetailFieldsProps {
  idPrefix: string;
  kind: RecordDetailKind;
  typed: TypedDetail;
  errors: FieldErrors<DetailField>;
  onChange: (field: DetailField, value: string) => void;
  /** The address fieldset's legend, when "Address" is not right (say, "Address (optional)"). */
  addressLegend?: string;
}

/** The inputs for one kind of value on a record, GOV.UK style (an address is a fieldset). */
export function DetailFields({ idPrefix, kind, typed, errors, onChange, addressLegend }: DetailFieldsProps) {
  const texts = useRecordsTexts();
  const input = (field: DetailField, label: string, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      id={detailFieldId(idPrefix, field)}
      label={label}
      value={typed[field]}
      onValueChange={(value) => onChange(field, value)}
      error={errors[field]}
      spellCheck={false}
      {...extra}
    />
  );
  switch (kind) {
    case 'name':
      return input('name', texts.fullName, { autoComplete: 'off' });
    case 'address':
      return (
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{addressLegend ?? texts.address}</legend>
          {input('line1', texts.line1, { autoComplete: 'off' })}
          {input('line2', texts.line2, { autoComplete: 'off' })}
          {input('town', texts.town, {
            widthClassName: 'govuk-!-width-two-thirds',
            autoComplete: 'off',
          })}
          {input('postcode', texts.postcode, {
            widthClassName: 'govuk-input--width-10',
            autoCapitalize: 'characters',
            autoComplete: 'off',
          })}
          {input('uprn', texts.uprnLabel, {
            hint: texts.uprnHint,
            widthClassName: 'govuk-input--width-20',
            inputMode: 'numeric',
            autoComplete: 'off',
          })}
        </fieldset>
      );
    case 'phone':
      return (
        <>
          {input('number', texts.phoneNumber, {
            type: 'tel',
            widthClassName: 'govuk-input--width-20',
            hint: texts.phoneHint,
            autoComplete: 'off',
          })}
          {input('label', texts.labelOptional, {
            hint: texts.labelHint,
            widthClassName: 'govuk-input--width-20',
            autoComplete: 'off',
          })}
        </>
      );
    case 'email':
      return input('email', texts.emailAddress, { type: 'email', autoComplete: 'off' });
    case 'social-handle':
      return (
        <>
          {input('platform', texts.platform, {
            hint: texts.platformHint,
            widthClassName: 'govuk-input--width-20',
            autoComplete: 'off',
          })}
          {input('handle', texts.handle, { widthClassName: 'govuk-input--width-20', autoComplete: 'off' })}
        </>
      );
    case 'contact-preference':
      return (
        <Radios
          id={detailFieldId(idPrefix, 'preference')}
          legend={texts.preferenceLegend}
          items={contactPreferencesIn(texts)}
          value={typed.preference}
          onValueChange={(value) => onChange('preference', value)}
          error={errors.preference}
        />
      );
    case 'note':
      return (
        <Textarea
          id={detailFieldId(idPrefix, 'note')}
          label={texts.note}
          hint={texts.noteHint}
          value={typed.note}
          onValueChange={(value) => onChange('note', value)}
          error={errors.note}
          spellCheck
        />
      );
  }
}
