import { useState } from 'preact/hooks';
import type { OptIn } from '@ward/protocol';
import { saveOptIns } from './api.ts';
import { Choices, ErrorSummary, Hint } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';
import { m } from './i18n.ts';

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
          {m.stayInTouch}
        </h2>
        <p class="ward-body ward-success" role="status">
          {m.choicesSaved}
        </p>
      </section>
    );
  }

  return (
    <section class="ward-section" aria-labelledby="opt-ins-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="opt-ins-heading" class="ward-heading-s">
        {m.stayInTouch}
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
            <legend class="ward-fieldset__legend">{m.optInsLegend}</legend>
            <Hint id="opt-ins-hint">{m.selectAll}</Hint>
            <Choices
              type="checkbox"
              name="opt-in"
              options={optIns.map((optIn) => ({ value: optIn.id, label: optIn.label }))}
              checked={(id) => chosen.includes(id)}
              onChange={(id, checked) =>
                setChosen((current) => (checked ? [...current, id] : current.filter((other) => other !== id)))
              }
            />
          </fieldset>
        </div>
        <button type="submit" class="ward-button ward-button--secondary">
          {m.saveChoices}
        </button>
      </form>
    </section>
  );
}
