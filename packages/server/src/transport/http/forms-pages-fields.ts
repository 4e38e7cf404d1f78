import type { FormAnswerInput, FormField, FormOption, Language } from '@ward/protocol';
import type { FieldError } from '../../features/forms/field-validation.rules.ts';
import { textsIn, type ResidentTexts } from '../../shared/resident-texts/resident-texts.ts';
import { attr, html, type Html } from './forms-pages-html.ts';

/**
 * One form field as GOV.UK Design System markup: label or fieldset legend, hint and error linked
 * by aria-describedby, the value the resident entered kept (escaped), autocomplete where it helps.
 */
export function renderField(
  field: FormField,
  entered: FormAnswerInput | undefined,
  error: FieldError | undefined,
  language: Language = 'en',
): Html {
  const says = textsIn(language).forms;
  const optional = field.required ? '' : ` ${says.optional}`;
  const hintId = field.hint ? `${field.id}-hint` : null;
  const errorId = error ? `${field.id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || null;
  const hint = field.hint ? html`<div id="${hintId}" class="govuk-hint">${field.hint}</div>` : '';
  const message = error
    ? html`<p id="${errorId}" class="govuk-error-message"><span class="govuk-visually-hidden">${says.errorPrefix}</span> ${error.message}</p>`
    : '';
  const group = (inner: Html) =>
    html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">${inner}</div>`;
  const fieldset = (inner: Html, role?: string) =>
    group(html`<fieldset class="govuk-fieldset"${attr('role', role)}${attr('aria-describedby', describedBy)}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field.label}${optional}</legend>${hint}${message}${inner}</fieldset>`);
  const label = html`<label class="govuk-label govuk-label--s" for="${field.id}">${field.label}${optional}</label>`;
  const input = (
    type: string,
    extra: { width?: string; autocomplete?: string; spellcheck?: boolean; inputmode?: string },
  ) =>
    group(
      html`${label}${hint}${message}<input class="govuk-input${extra.width ? ` govuk-input--width-${extra.width}` : ''}${error ? ' govuk-input--error' : ''}" id="${field.id}" name="${field.id}" type="${type}" value="${textOf(entered)}"${attr('aria-describedby', describedBy)}${attr('autocomplete', extra.autocomplete)}${extra.spellcheck === false ? html` spellcheck="false"` : ''}${attr('inputmode', extra.inputmode)}>`,
    );

  switch (field.type) {
    case 'text':
      return input('text', { autocomplete: field.autocomplete ?? (field.recordField === 'name' ? 'name' : undefined) });
    case 'email':
      return input('email', { autocomplete: 'email', spellcheck: false });
    case 'phone':
      return input('tel', { autocomplete: 'tel', width: '20' });
    case 'postcode':
      return input('text', { autocomplete: field.recordField === 'address' ? 'postal-code' : 'off', width: '10' });
    case 'case-reference':
      return input('text', { autocomplete: 'off', width: '10', spellcheck: false });
    case 'textarea':
      return group(
        html`${label}${hint}${message}<textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" id="${field.id}" name="${field.id}" rows="5"${attr('aria-describedby', describedBy)}>${textOf(entered)}</textarea>`,
      );
    case 'select':
      return group(html`${label}${hint}${message}<select class="govuk-select${error ? ' govuk-select--error' : ''}" id="${field.id}" name="${field.id}"${attr('aria-describedby', describedBy)}>
<option value="">${says.chooseOption}</option>${field.options.map((o) => html`<option value="${o.value}"${textOf(entered) === o.value ? html` selected` : ''}>${o.label}</option>`)}</select>`);
    case 'radios':
      return fieldset(choices('radio', field.id, field.options, new Set([textOf(entered)])));
    case 'checkbox':
      return fieldset(
        choices(
          'checkbox',
          field.id,
          field.options,
          new Set(Array.isArray(entered) ? entered : typeof entered === 'string' ? [entered] : []),
        ),
      );
    case 'date':
      return fieldset(dateInputs(field.id, entered, error, says), 'group');
    case 'location':
      return fieldset(locationInputs(field.id, field.recordField === 'address', entered, error, says));
  }
}

function textOf(entered: FormAnswerInput | undefined): string {
  return typeof entered === 'string' ? entered : '';
}

function choices(
  type: 'radio' | 'checkbox',
  name: string,
  options: readonly FormOption[],
  chosen: ReadonlySet<string>,
): Html {
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return html`<div class="govuk-${kind}">${options.map((option, index) => {
    const id = index === 0 ? name : `${name}-${index + 1}`;
    const hintId = option.hint ? `${id}-item-hint` : null;
    return html`<div class="govuk-${kind}__item"><input class="govuk-${kind}__input" id="${id}" name="${name}" type="${type}" value="${option.value}"${chosen.has(option.value) ? html` checked` : ''}${attr('aria-describedby', hintId)}>
<label class="govuk-label govuk-${kind}__label" for="${id}">${option.label}</label>${option.hint ? html`<div id="${hintId}" class="govuk-hint govuk-${kind}__hint">${option.hint}</div>` : ''}</div>`;
  })}</div>`;
}

function partsOf(entered: FormAnswerInput | undefined): Record<string, string> {
  return entered && typeof entered === 'object' && !Array.isArray(entered) ? (entered as Record<string, string>) : {};
}

function dateInputs(
  id: string,
  entered: FormAnswerInput | undefined,
  error: FieldError | undefined,
  says: ResidentTexts['forms'],
): Html {
  const values = partsOf(entered);
  const item = (part: 'day' | 'month' | 'year', label: string, width: string) => {
    const bad = error?.parts?.includes(part) ?? false;
    return html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${id}-${part}">${label}</label>
<input class="govuk-input govuk-date-input__input govuk-input--width-${width}${bad ? ' govuk-input--error' : ''}" id="${id}-${part}" name="${id}-${part}" type="text" inputmode="numeric" value="${values[part] ?? ''}"></div></div>`;
  };
  return html`<div class="govuk-date-input" id="${id}">${item('day', says.day, '2')}${item('month', says.month, '2')}${item('year', says.year, '4')}</div>`;
}

function locationInputs(
  id: string,
  isAddress: boolean,
  entered: FormAnswerInput | undefined,
  error: FieldError | undefined,
  says: ResidentTexts['forms'],
): Html {
  const values = typeof entered === 'string' ? { where: entered } : partsOf(entered);
  const bad = (part: string) => (error?.parts?.includes(part) ? ' govuk-input--error' : '');
  return html`<div class="govuk-form-group"><label class="govuk-label" for="${id}-where">${isAddress ? says.buildingAndStreet : says.streetPlaceOrLandmark}</label>
<input class="govuk-input${bad('where')}" id="${id}-where" name="${id}-where" type="text" value="${values.where ?? ''}" autocomplete="${isAddress ? 'address-line1' : 'off'}"></div>
<div class="govuk-form-group"><label class="govuk-label" for="${id}-postcode">${isAddress ? says.postcode : says.postcodeIfKnown}</label>
<input class="govuk-input govuk-input--width-10${bad('postcode')}" id="${id}-postcode" name="${id}-postcode" type="text" value="${values.postcode ?? ''}" autocomplete="${isAddress ? 'postal-code' : 'off'}"></div>`;
}
