import { useState } from 'preact/hooks';
import type { WidgetConfig } from '@ward/protocol';
import { startConversation } from './api.ts';
import { preChatFields, validatePreChat } from './form-validation.ts';
import type { PreChatValues } from './form-validation.ts';
import { ErrorMessage, ErrorSummary, FormGroup, Hint, StepHeading, describedBy, errorFor } from './govuk.tsx';
import type { StoredConversation } from './storage.ts';
import { useFormSubmit } from './use-form-submit.ts';
import { PreChatQuestionFields } from './pre-chat-questions.tsx';
import { availabilityText } from './format.ts';
import { consentCheckboxLabels } from '@ward/protocol/resident-rules';

interface Props {
  organisation: string;
  config: WidgetConfig;
  onStarted: (conversation: StoredConversation) => void;
}

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** The pre-chat form: name, optional email, topic, the council's own questions and (when it asks) consent. */
export function PreChatForm({ organisation, config, onStarted }: Props) {
  const [values, setValues] = useState<PreChatValues>({
    name: '',
    email: '',
    topic: '',
    consent: false,
    answers: {},
  });
  const { errors, attempt, submitting, submit } = useFormSubmit();
  const set = (patch: Partial<PreChatValues>) => setValues((current) => ({ ...current, ...patch }));

  const start = (event: Event) =>
    void submit(
      event,
      () => validatePreChat(values, { consentRequired: config.consent !== null, questions: config.preChatQuestions }),
      (body) => startConversation(organisation, body),
      (started, body) =>
        onStarted({
          ...started,
          email: body.email ?? '',
          status: 'waiting',
          agentName: null,
          transcriptSentTo: null,
          optInsSaved: false,
          feedbackSent: false,
          ...(config.topics.find((topic) => topic.id === body.topic)?.sensitive
            ? { quickExitUrl: config.quickExitUrl }
            : {}),
        }),
    );

  const nameError = errorFor(errors, preChatFields.name);
  const emailError = errorFor(errors, preChatFields.email);
  const topicError = errorFor(errors, preChatFields.topic);
  const consentError = errorFor(errors, preChatFields.consent);
  const consent = config.consent;

  return (
    <>
      <ErrorSummary items={errors} attempt={attempt} />
      <StepHeading>Start a chat</StepHeading>
      <p class="ward-body">Tell us a little about your enquiry and an adviser will be with you as soon as they can.</p>
      {config.topics.some((topic) => topic.sensitive) && (
        <p class="ward-body">To leave this page quickly, select Exit this page or press the Shift key 3 times.</p>
      )}
      <form noValidate onSubmit={start}>
        <FormGroup error={Boolean(nameError)}>
          <label class="ward-label" for={preChatFields.name}>
            Name
          </label>
          <ErrorMessage id="name-error" message={nameError} />
          <input
            class={nameError ? 'ward-input ward-input--error' : 'ward-input'}
            id={preChatFields.name}
            name="name"
            type="text"
            autocomplete="name"
            spellcheck={false}
            value={values.name}
            aria-describedby={describedBy(nameError && 'name-error')}
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
        </FormGroup>

        <FormGroup error={Boolean(emailError)}>
          <label class="ward-label" for={preChatFields.email}>
            Email address (optional)
          </label>
          <Hint id="email-hint">We'll only use this to send you a transcript if you ask for one</Hint>
          <ErrorMessage id="email-error" message={emailError} />
          <input
            class={emailError ? 'ward-input ward-input--error' : 'ward-input'}
            id={preChatFields.email}
            name="email"
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={values.email}
            aria-describedby={describedBy('email-hint', emailError && 'email-error')}
            onInput={(event) => set({ email: event.currentTarget.value })}
          />
        </FormGroup>

        <FormGroup error={Boolean(topicError)}>
          <fieldset class="ward-fieldset" aria-describedby={describedBy(topicError && 'topic-error')}>
            <legend class="ward-fieldset__legend">What is your enquiry about?</legend>
            <ErrorMessage id="topic-error" message={topicError} />
            <div class="ward-radios">
              {config.topics.map((topic, index) => {
                const id = index === 0 ? preChatFields.topic : `${preChatFields.topic}-${index + 1}`;
                const availability = availabilityText(topic);
                return (
                  <div class="ward-radios__item" key={topic.id}>
                    <input
                      class="ward-radios__input"
                      id={id}
                      name="topic"
                      type="radio"
                      value={topic.id}
                      checked={values.topic === topic.id}
                      onChange={() => set({ topic: topic.id })}
                      aria-describedby={availability ? `${id}-hint` : undefined}
                    />
                    <label class="ward-radios__label" for={id}>
                      {topic.label}
                    </label>
                    {availability && (
                      <div class="ward-hint ward-radios__hint" id={`${id}-hint`}>
                        {availability}
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        </FormGroup>

        <PreChatQuestionFields
          questions={config.preChatQuestions}
          topic={values.topic}
          answers={values.answers ?? {}}
          errors={errors}
          onAnswer={(id, value) =>
            setValues((current) => ({ ...current, answers: { ...current.answers, [id]: value } }))
          }
        />

        {consent && (
          <FormGroup error={Boolean(consentError)}>
            <fieldset
              class="ward-fieldset"
              aria-describedby={describedBy('consent-summary', consentError && 'consent-error')}
            >
              <legend class="ward-fieldset__legend">How we use your information</legend>
              <div id="consent-summary" class="ward-inset-text">
                <p class="ward-body">{consent.summary}</p>
                {isWebAddress(consent.privacyNoticeUrl) && (
                  <p class="ward-body">
                    <a class="ward-link" href={consent.privacyNoticeUrl} target="_blank" rel="noopener noreferrer">
                      Read our privacy notice (opens in new tab)
                    </a>
                  </p>
                )}
              </div>
              <ErrorMessage id="consent-error" message={consentError} />
              <div class="ward-checkboxes">
                <div class="ward-checkboxes__item">
                  <input
                    class="ward-checkboxes__input"
                    id={preChatFields.consent}
                    name="consent"
                    type="checkbox"
                    checked={values.consent}
                    onChange={(event) => set({ consent: event.currentTarget.checked })}
                  />
                  <label class="ward-checkboxes__label" for={preChatFields.consent}>
                    {consentCheckboxLabels.preChat}
                  </label>
                </div>
              </div>
            </fieldset>
          </FormGroup>
        )}

        <button type="submit" class="ward-button" aria-disabled={submitting ? 'true' : undefined}>
          Start chat
        </button>
      </form>
      <p class="ward-body">
        <a class="ward-link" href="/accessibility" target="_blank" rel="noopener noreferrer">
          Accessibility statement (opens in new tab)
        </a>
      </p>
    </>
  );
}
