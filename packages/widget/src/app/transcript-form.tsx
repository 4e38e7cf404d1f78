import { useState } from 'preact/hooks';
import { requestTranscript } from './api.ts';
import { transcriptFields, validateTranscriptEmail } from './post-chat-validation.ts';
import { ErrorSummary, Question, errorFor, inputClass } from './govuk.tsx';
import { useFormSubmit } from './use-form-submit.ts';
import { m } from './i18n.ts';

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
          {m.getTranscript}
        </h2>
        <p class="ward-body ward-success" role="status">
          {m.transcriptSentTo(sentTo)}
        </p>
      </section>
    );
  }

  const emailError = errorFor(errors, transcriptFields.email);
  return (
    <section class="ward-section" aria-labelledby="transcript-heading">
      <ErrorSummary items={errors} attempt={attempt} />
      <h2 id="transcript-heading" class="ward-heading-s">
        {m.getTranscript}
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
        <Question id={transcriptFields.email} label={m.emailAddress} hint={m.transcriptHint} error={emailError}>
          {(described) => (
            <input
              class={inputClass(emailError)}
              id={transcriptFields.email}
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              value={email}
              aria-describedby={described}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          )}
        </Question>
        <button type="submit" class="ward-button ward-button--secondary">
          {m.emailTranscript}
        </button>
      </form>
    </section>
  );
}
