import type { ReactNode } from 'react';
import { ErrorMessage, Hint, Radios, Textarea } from '../../ui/Field.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import { itemKey, type PlannedItem } from './erasure-wording.ts';
import type { ErasureAnswers, ErasureField, ErasureMode, KeepAnswer } from './validate-erasure.ts';
import { useRightsDataTexts } from './texts.ts';

type Props = {
  items: readonly PlannedItem[];
  names: ReadonlyMap<string, string>;
  answers: ErasureAnswers;
  onChange: (answers: ErasureAnswers) => void;
  errors: FieldErrors<ErasureField>;
};

/** A checkbox whose extra questions show below it while it is ticked (GOV.UK conditional reveal). */
function RevealCheckbox(props: {
  id: string;
  label: string;
  checked: boolean;
  onToggle: (checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={props.id}
          name={props.id}
          type="checkbox"
          checked={props.checked}
          onChange={(event) => props.onToggle(event.target.checked)}
          {...(props.children ? { 'aria-controls': `${props.id}-conditional` } : {})}
        />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={props.id}>
          {props.label}
        </label>
      </div>
      {props.children ? (
        <div
          className={`govuk-checkboxes__conditional${props.checked ? '' : ' govuk-checkboxes__conditional--hidden'}`}
          id={`${props.id}-conditional`}
        >
          {props.checked ? props.children : null}
        </div>
      ) : null}
    </>
  );
}

/**
 * The officer's choices before an erasure (ADR 35): everything or only the items ticked, and any
 * item kept with its exemption (Article 17(3)) and a reason.
 */
export function ErasureChoices({ items, names, answers, onChange, errors }: Props) {
  const says = useRightsDataTexts();
  const set = (change: Partial<ErasureAnswers>) => onChange({ ...answers, ...change });
  const toggled = (key: string, on: boolean) => {
    const chosen = new Set(answers.chosen);
    if (on) chosen.add(key);
    else chosen.delete(key);
    set({ chosen });
  };
  const keepChanged = (key: string, answer: KeepAnswer | null) => {
    const keep = new Map(answers.keep);
    if (answer) keep.set(key, answer);
    else keep.delete(key);
    set({ keep });
  };
  const nameOf = (item: PlannedItem) => names.get(itemKey(item)) ?? item.kind;
  const lowerNameOf = (item: PlannedItem) => nameOf(item).replace(/^./, (c) => c.toLowerCase());
  return (
    <>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{says.whatToErase}</legend>
          <div className="govuk-radios">
            {(
              [
                ['all', says.eraseEverything],
                ['chosen', says.eraseChosen],
              ] as const
            ).map(([mode, label]) => (
              <div className="govuk-radios__item" key={mode}>
                <input
                  className="govuk-radios__input"
                  id={`erase-mode-${mode}`}
                  name="erase-mode"
                  type="radio"
                  checked={answers.mode === mode}
                  onChange={() => set({ mode: mode as ErasureMode })}
                  {...(mode === 'chosen' ? { 'aria-controls': 'erase-mode-chosen-conditional' } : {})}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`erase-mode-${mode}`}>
                  {label}
                </label>
              </div>
            ))}
            <div
              className={`govuk-radios__conditional${answers.mode === 'chosen' ? '' : ' govuk-radios__conditional--hidden'}`}
              id="erase-mode-chosen-conditional"
            >
              {answers.mode === 'chosen' ? (
                <div className={`govuk-form-group${errors.items ? ' govuk-form-group--error' : ''}`}>
                  <fieldset
                    className="govuk-fieldset"
                    aria-describedby={`erase-items-hint${errors.items ? ' erase-items-error' : ''}`}
                  >
                    <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{says.itemsToErase}</legend>
                    <Hint id="erase-items-hint">{says.itemsToEraseHint}</Hint>
                    {errors.items ? <ErrorMessage id="erase-items-error">{errors.items}</ErrorMessage> : null}
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      {items.map((item, i) => (
                        <RevealCheckbox
                          key={itemKey(item)}
                          id={`erase-item-${i}`}
                          label={nameOf(item)}
                          checked={answers.chosen.has(itemKey(item))}
                          onToggle={(on) => toggled(itemKey(item), on)}
                        />
                      ))}
                    </div>
                  </fieldset>
                </div>
              ) : null}
            </div>
          </div>
        </fieldset>
      </div>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset" aria-describedby="keep-items-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{says.itemsToKeep}</legend>
          <Hint id="keep-items-hint">{says.itemsToKeepHint}</Hint>
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {items.map((item, i) => {
              const key = itemKey(item);
              const answer = answers.keep.get(key);
              return (
                <RevealCheckbox
                  key={key}
                  id={`keep-${i}`}
                  label={says.keep(lowerNameOf(item))}
                  checked={answer !== undefined}
                  onToggle={(on) => keepChanged(key, on ? { exemption: '', reason: '' } : null)}
                >
                  {answer ? (
                    <>
                      <Radios
                        id={`keep-${i}-exemption`}
                        legend={says.whyKept(says.the(lowerNameOf(item)))}
                        error={errors[`exemption-${i}`]}
                        items={[
                          { value: 'legal-obligation', label: says.legalObligation },
                          { value: 'legal-claims', label: says.legalClaims },
                        ]}
                        value={answer.exemption}
                        onValueChange={(exemption) => keepChanged(key, { ...answer, exemption })}
                      />
                      <Textarea
                        id={`keep-${i}-reason`}
                        label={says.keepReason}
                        labelClassName="govuk-label--s"
                        hint={says.keepReasonHint}
                        rows={2}
                        value={answer.reason}
                        onValueChange={(reason) => keepChanged(key, { ...answer, reason })}
                        error={errors[`why-${i}`]}
                      />
                    </>
                  ) : null}
                </RevealCheckbox>
              );
            })}
          </div>
        </fieldset>
      </div>
    </>
  );
}
