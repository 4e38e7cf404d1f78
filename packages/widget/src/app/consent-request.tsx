import { useEffect, useRef, useState } from 'preact/hooks';
import { consentCheckboxLabels } from '@ward/protocol/resident-rules';
import { ErrorMessage, ErrorSummary, FormGroup, describedBy, errorFor } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';
import type { ApiResult } from './api.ts';

interface Props {
  summary: string;
  privacyNoticeUrl: string | null;
  onGive: () => Promise<ApiResult<void>>;
}

const field = 'chat-consent';
const notTicked = 'Select the box to give your consent, or carry on chatting without it';

/**
 * The adviser asked for the resident's consent during the chat (ADR 37): a GOV.UK checkbox with
 * the council's words. It takes focus when it appears so screen reader users hear the question.
 */
export function ConsentRequest({ summary, privacyNoticeUrl, onGive }: Props) {
  const [ticked, setTicked] = useState(false);
  const { errors, attempt, submitting, submit } = useFormSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const error = errorFor(errors, field);
  return (
    <section class="ward-section ward-consent-request" aria-labelledby="consent-request-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="consent-request-heading" class="ward-heading-s" tabIndex={-1} ref={heading}>
        Your adviser asks for your consent
      </h2>
      <form
        noValidate
        onSubmit={(event) =>
          void submit(
            event,
            () => (ticked ? { ok: true, value: null } : { ok: false, errors: [{ field, message: notTicked }] }),
            () => onGive(),
            () => undefined,
          )
        }
      >
        <FormGroup error={Boolean(error)}>
          <fieldset
            class="ward-fieldset"
            aria-describedby={describedBy('chat-consent-summary', error && 'chat-consent-error')}
          >
            <legend class="ward-visually-hidden">Your consent</legend>
            <div id="chat-consent-summary">
              <p class="ward-body">{summary}</p>
              {privacyNoticeUrl && /^https?:\/\//i.test(privacyNoticeUrl) && (
                <p class="ward-body">
                  <a class="ward-link" href={privacyNoticeUrl} target="_blank" rel="noopener noreferrer">
                    Read our privacy notice (opens in new tab)
                  </a>
                </p>
              )}
            </div>
            <ErrorMessage id="chat-consent-error" message={error} />
            <div class="ward-checkboxes">
              <div class="ward-checkboxes__item">
                <input
                  class="ward-checkboxes__input"
                  id={field}
                  name="consent"
                  type="checkbox"
                  checked={ticked}
                  onChange={(event) => setTicked(event.currentTarget.checked)}
                />
                <label class="ward-checkboxes__label" for={field}>
                  {consentCheckboxLabels.dialogue}
                </label>
              </div>
            </div>
          </fieldset>
        </FormGroup>
        <button
          type="submit"
          class="ward-button ward-button--secondary"
          aria-disabled={submitting ? 'true' : undefined}
        >
          Give consent
        </button>
      </form>
    </section>
  );
}
