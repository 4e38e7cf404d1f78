import { useState } from 'preact/hooks';
import type { OptIn } from '@ward/protocol';
import { saveOptIns } from './api.ts';
import { ErrorSummary, Hint } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';

interface Props {
  token: string;
  optIns: OptIn[];
  saved: boolean;
  onSaved: () => void;
}

/** The council's opt-ins (for example service updates by email), as checkboxes. */
export function OptInsForm({ token, optIns, saved, onSaved }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const { errors, attempt, submit } = useFormSubmit();

  if (saved) {
    return (
      <section class="ward-section" aria-labelledby="opt-ins-heading">
        <h2 id="opt-ins-heading" class="ward-heading-s">
          Stay in touch
        </h2>
        <p class="ward-body ward-success" role="status">
          Your choices have been saved.
        </p>
      </section>
    );
  }

  return (
    <section class="ward-section" aria-labelledby="opt-ins-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="opt-ins-heading" class="ward-heading-s">
        Stay in touch
      </h2>
      <form
        noValidate
        onSubmit={(event) =>
          // Nothing to check: every choice is optional.
          void submit(
            event,
            () => ({ ok: true, value: { optIns: chosen } }),
            (body) => saveOptIns(token, body),
            onSaved,
          )
        }
      >
        <div class="ward-form-group">
          <fieldset class="ward-fieldset" aria-describedby="opt-ins-hint">
            <legend class="ward-fieldset__legend">What would you like to hear about? (optional)</legend>
            <Hint id="opt-ins-hint">Select all that apply.</Hint>
            <div class="ward-checkboxes">
              {optIns.map((optIn, index) => {
                const id = index === 0 ? 'opt-in' : `opt-in-${index + 1}`;
                return (
                  <div class="ward-checkboxes__item" key={optIn.id}>
                    <input
                      class="ward-checkboxes__input"
                      id={id}
                      name="optIns"
                      type="checkbox"
                      value={optIn.id}
                      checked={chosen.includes(optIn.id)}
                      onChange={(event) => {
                        const checked = event.currentTarget.checked;
                        setChosen((current) =>
                          checked ? [...current, optIn.id] : current.filter((id) => id !== optIn.id),
                        );
                      }}
                    />
                    <label class="ward-checkboxes__label" for={id}>
                      {optIn.label}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <button type="submit" class="ward-button ward-button--secondary">
          Save my choices
        </button>
      </form>
    </section>
  );
}
