import { useState } from 'preact/hooks';
import { requestTranscript } from './api.ts';
import { transcriptFields, validateTranscriptEmail } from './form-validation.ts';
import { ErrorMessage, ErrorSummary, FormGroup, Hint, describedBy, errorFor } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';

interface Props {
  token: string;
  initialEmail: string;
  sentTo: string | null;
  onSent: (email: string) => void;
}

/** "Email me a transcript", prefilled with the email given on the pre-chat form. */
export function TranscriptForm({ token, initialEmail, sentTo, onSent }: Props) {
  const [email, setEmail] = useState(initialEmail);
  const { errors, attempt, submit } = useFormSubmit();

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

  const emailError = errorFor(errors, transcriptFields.email);
  return (
    <section class="ward-section" aria-labelledby="transcript-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="transcript-heading" class="ward-heading-s">
        Get a transcript
      </h2>
      <form
        noValidate
        onSubmit={(event) =>
          void submit(
            event,
            () => validateTranscriptEmail(email),
            (body) => requestTranscript(token, body),
            (_, body) => onSent(body.email),
          )
        }
      >
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
