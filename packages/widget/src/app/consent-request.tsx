import { useEffect, useRef, useState } from 'preact/hooks';
import { ConsentFieldset, ErrorSummary, errorFor } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';
import type { ApiResult } from './api.ts';
import { m } from './i18n.ts';

interface Props {
  summary: string;
  privacyNoticeUrl: string | null;
  onGive: () => Promise<ApiResult<void>>;
}

const field = 'chat-consent';

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
        {m.consentHeading}
      </h2>
      <form
        noValidate
        onSubmit={(event) =>
          void submit(
            event,
            () =>
              ticked ? { ok: true, value: null } : { ok: false, errors: [{ field, message: m.consentNotTicked }] },
            () => onGive(),
            () => undefined,
          )
        }
      >
        <ConsentFieldset
          id={field}
          legend={<legend class="ward-visually-hidden">{m.yourConsent}</legend>}
          summary={summary}
          privacyNoticeUrl={privacyNoticeUrl}
          error={error}
          label={m.consentDialogue}
          checked={ticked}
          onChange={setTicked}
        />
        <button
          type="submit"
          class="ward-button ward-button--secondary"
          aria-disabled={submitting ? 'true' : undefined}
        >
          {m.giveConsent}
        </button>
      </form>
    </section>
  );
}
