import { useState } from 'preact/hooks';
import { requestTranscript } from './api.ts';
import { transcriptFields, validateTranscriptEmail } from './form-validation.ts';
import { ErrorMessage, ErrorSummary, FormGroup, Hint, describedBy, errorFor } from './govuk.tsx';
import type { SummaryItem } from './govuk.tsx';

interface Props {
  token: string;
  initialEmail: string;
  sentTo: string | null;
  onSent: (email: string) => void;
}

/** "Email me a transcript", prefilled with the email given on the pre-chat form. */
export function TranscriptForm({ token, initialEmail, sentTo, onSent }: Props) {
  const [email, setEmail] = useState(initialEmail);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  if (sentTo) {
    return (
      <section class="ward-section" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading" class="ward-heading-s">
          Get a transcript
        </h2>
        <p class="ward-body ward-success" role="status">
          We'll email a transcript of this chat to {sentTo}.
        </p>
      </section>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (submitting) return;
    setAttempt((n) => n + 1);
    const result = validateTranscriptEmail(email);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSubmitting(true);
    const response = await requestTranscript(token, result.value);
    setSubmitting(false);
    if (!response.ok) {
      setErrors([{ message: response.message }]);
      return;
    }
    setErrors([]);
    onSent(result.value.email);
  }

  const emailError = errorFor(errors, transcriptFields.email);
  return (
    <section class="ward-section" aria-labelledby="transcript-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="transcript-heading" class="ward-heading-s">
        Get a transcript
      </h2>
      <form noValidate onSubmit={submit}>
        <FormGroup error={Boolean(emailError)}>
          <label class="ward-label" for={transcriptFields.email}>
            Email address
          </label>
          <Hint id="transcript-email-hint">We'll send a copy of this chat to this address.</Hint>
          <ErrorMessage id="transcript-email-error" message={emailError} />
          <input
            class={emailError ? 'ward-input ward-input--error' : 'ward-input'}
            id={transcriptFields.email}
            name="email"
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={email}
            aria-describedby={describedBy('transcript-email-hint', emailError && 'transcript-email-error')}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </FormGroup>
        <button type="submit" class="ward-button ward-button--secondary">
          Email me a transcript
        </button>
      </form>
    </section>
  );
}
