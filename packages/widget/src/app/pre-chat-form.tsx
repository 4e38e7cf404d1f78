import { useState } from 'preact/hooks';
import type { WidgetConfig } from '@ward/protocol';
import { startConversation } from './api.ts';
import { preChatFields, validatePreChat } from './form-validation.ts';
import type { PreChatValues } from './form-validation.ts';
import { Choices, ConsentFieldset, ErrorSummary, Question, StepHeading, errorFor, inputClass } from './govuk.tsx';
import type { StoredConversation } from './storage.ts';
import { useFormSubmit } from './use-form-submit.ts';
import { PreChatQuestionFields } from './pre-chat-questions.tsx';
import { availabilityText } from './format.ts';
import { language, m } from './i18n.ts';
import type { Later } from './lazy.ts';

interface Props {
  organisation: string;
  config: WidgetConfig;
  onStarted: (conversation: StoredConversation) => void;
  /** The other question types' controls and checks: the app waits for them when the council asks such questions. */
  later: Later | null;
}

/** The pre-chat form: name, optional email, topic, the council's own questions and (when it asks) consent. */
export function PreChatForm({ organisation, config, onStarted, later }: Props) {
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
      () =>
        validatePreChat(values, {
          consentRequired: config.consent !== null,
          questions: config.preChatQuestions,
          ...(later ? { types: later.questionTypeChecks } : {}),
        }),
      // The chat is in the widget's language: Ward's own lines in it follow (ADR 49).
      (body) => startConversation(organisation, { ...body, language }),
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
      <StepHeading>{m.titlePreChat}</StepHeading>
      <p class="ward-body">{m.preChatIntro}</p>
      {config.topics.some((topic) => topic.sensitive) && <p class="ward-body">{m.quickExitHint}</p>}
      <form noValidate onSubmit={start}>
        <Question id={preChatFields.name} label={m.name} error={nameError}>
          {(described) => (
            <input
              class={inputClass(nameError)}
              id={preChatFields.name}
              name="name"
              type="text"
              autocomplete="name"
              spellcheck={false}
              value={values.name}
              aria-describedby={described}
              onInput={(event) => set({ name: event.currentTarget.value })}
            />
          )}
        </Question>

        <Question id={preChatFields.email} label={m.emailOptional} hint={m.emailHint} error={emailError}>
          {(described) => (
            <input
              class={inputClass(emailError)}
              id={preChatFields.email}
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              value={values.email}
              aria-describedby={described}
              onInput={(event) => set({ email: event.currentTarget.value })}
            />
          )}
        </Question>

        <Question id={preChatFields.topic} label={m.topicLegend} error={topicError} fieldset>
          {() => (
            <Choices
              name={preChatFields.topic}
              options={config.topics.map((topic) => ({ value: topic.id, label: topic.label }))}
              checked={(topic) => values.topic === topic}
              onChange={(topic) => set({ topic })}
              hintOf={(id) => {
                const topic = config.topics.find((t) => t.id === id)!;
                const availability = availabilityText(topic);
                return (
                  availability && (
                    <>
                      {availability}.{' '}
                      <a
                        class="ward-link"
                        href={`/leave-a-message/${organisation}?topic=${topic.id}${language === 'cy' ? '&lang=cy' : ''}`}
                        target="_blank"
                      >
                        {m.leaveMessageAbout(topic.label)}
                      </a>
                    </>
                  )
                );
              }}
            />
          )}
        </Question>

        <PreChatQuestionFields
          questions={config.preChatQuestions}
          topic={values.topic}
          answers={values.answers ?? {}}
          errors={errors}
          onAnswer={(id, value) =>
            setValues((current) => ({ ...current, answers: { ...current.answers, [id]: value } }))
          }
          controls={later?.QuestionControl ?? null}
        />

        {consent && (
          <ConsentFieldset
            id={preChatFields.consent}
            legend={<legend class="ward-fieldset__legend">{m.howWeUse}</legend>}
            summary={consent.summary}
            privacyNoticeUrl={consent.privacyNoticeUrl}
            inset
            error={consentError}
            label={m.consentPreChat}
            checked={values.consent}
            onChange={(checked) => set({ consent: checked })}
          />
        )}

        <button type="submit" class="ward-button" aria-disabled={submitting ? 'true' : undefined}>
          {m.startChat}
        </button>
      </form>
      <p class="ward-body">
        <a class="ward-link" href="/accessibility" target="_blank" rel="noopener noreferrer">
          {m.accessibilityStatement}
        </a>
      </p>
    </>
  );
}
