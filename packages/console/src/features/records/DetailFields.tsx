import type { RecordDetailKind } from '@ward/protocol';
import { Radios, Textarea, TextInput } from '../../ui/Field.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import { contactPreferences } from './record-wording.ts';
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
      return input('name', 'Full name', { autoComplete: 'off' });
    case 'address':
      return (
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{addressLegend ?? 'Address'}</legend>
          {input('line1', 'Address line 1', { autoComplete: 'off' })}
          {input('line2', 'Address line 2 (optional)', { autoComplete: 'off' })}
          {input('town', 'Town or city (optional)', {
            widthClassName: 'govuk-!-width-two-thirds',
            autoComplete: 'off',
          })}
          {input('postcode', 'Postcode', {
            widthClassName: 'govuk-input--width-10',
            autoCapitalize: 'characters',
            autoComplete: 'off',
          })}
          {input('uprn', 'UPRN (optional)', {
            hint: 'The property’s unique reference number, up to 12 digits',
            widthClassName: 'govuk-input--width-20',
            inputMode: 'numeric',
            autoComplete: 'off',
          })}
        </fieldset>
      );
    case 'phone':
      return (
        <>
          {input('number', 'Phone number', {
            type: 'tel',
            widthClassName: 'govuk-input--width-20',
            hint: 'A UK number, or an international number starting with +',
            autoComplete: 'off',
          })}
          {input('label', 'Label (optional)', {
            hint: 'For example, mobile or work',
            widthClassName: 'govuk-input--width-20',
            autoComplete: 'off',
          })}
        </>
      );
    case 'email':
      return input('email', 'Email address', { type: 'email', autoComplete: 'off' });
    case 'social-handle':
      return (
        <>
          {input('platform', 'Platform', {
            hint: 'For example, Facebook or X',
            widthClassName: 'govuk-input--width-20',
            autoComplete: 'off',
          })}
          {input('handle', 'Handle', { widthClassName: 'govuk-input--width-20', autoComplete: 'off' })}
        </>
      );
    case 'contact-preference':
      return (
        <Radios
          id={detailFieldId(idPrefix, 'preference')}
          legend="How does the resident prefer to be contacted?"
          items={contactPreferences}
          value={typed.preference}
          onValueChange={(value) => onChange('preference', value)}
          error={errors.preference}
        />
      );
    case 'note':
      return (
        <Textarea
          id={detailFieldId(idPrefix, 'note')}
          label="Note"
          hint="Do not include card or bank details"
          value={typed.note}
          onValueChange={(value) => onChange('note', value)}
          error={errors.note}
          spellCheck
        />
      );
  }
}
