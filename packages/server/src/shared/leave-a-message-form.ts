import { FormDefinition, textIn, type FormDefinitionInput, type Language } from '@ward/protocol';
import type { OrganisationSettings } from './organisation-settings.ts';
import { formInLanguage } from './localised-forms.ts';
import { textsIn } from './resident-texts/resident-texts.ts';

/**
 * "Leave a message" (issue 11, ADR 40): the form a resident sends instead of waiting for a chat,
 * built from the council's own topics. It is an online form like the others (sealed answers, a
 * case, the confirmation email, retention, erasure and the export pack), always there even when a
 * council lists its own forms; a council may replace it with its own form of the same id.
 */
export const leaveAMessageFormId = 'leave-a-message';
/** The field that names the topic; the case goes to that topic's department. */
export const leaveAMessageTopicField = 'topic';

function leaveAMessageForm(
  settings: Pick<OrganisationSettings, 'topics' | 'consent'>,
  language: Language,
): FormDefinition {
  const texts = textsIn(language).leaveAMessage;
  const options = settings.topics.map((topic) => ({ value: topic.id, label: textIn(topic.label, language) }));
  const topicField: FormDefinitionInput['fields'] =
    options.length < 2
      ? []
      : [
          {
            id: leaveAMessageTopicField,
            type: options.length <= 30 ? 'radios' : 'select',
            label: texts.topicLabel,
            errorName: texts.topicErrorName,
            options,
          },
        ];
  return FormDefinition.parse({
    id: leaveAMessageFormId,
    title: texts.title,
    description: texts.description,
    department: settings.topics[0]?.department ?? 'customer-services',
    topic: 'Message left',
    consent: settings.consent && { ...settings.consent, summary: textIn(settings.consent.summary, language) },
    whatHappensNext: texts.whatHappensNext,
    fields: [
      ...topicField,
      {
        id: 'name',
        type: 'text',
        label: texts.nameLabel,
        required: false,
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: texts.nameErrorName,
      },
      {
        id: 'email',
        type: 'email',
        label: texts.emailLabel,
        hint: texts.emailHint,
        required: false,
        recordField: 'email',
        errorName: texts.emailErrorName,
      },
      {
        id: 'message',
        type: 'textarea',
        label: texts.messageLabel,
        maxLength: 2000,
        errorName: texts.messageErrorName,
        hint: texts.messageHint,
      },
    ],
  } satisfies FormDefinitionInput);
}

const built = new WeakMap<object, Record<Language, FormDefinition[]>>();
type FormSettings = Pick<OrganisationSettings, 'forms' | 'topics' | 'consent'>;

/**
 * The council's forms and, unless it has its own of that id, "Leave a message", in one language
 * (ADR 50): English for staff, the records and the export pack; the resident's in pages and emails.
 */
export function formsOf(settings: FormSettings, language: Language = 'en'): FormDefinition[] {
  let known = built.get(settings);
  if (!known) {
    const inLanguage = (lang: Language) => {
      const forms = settings.forms.map((form) => formInLanguage(form, lang));
      return forms.some((form) => form.id === leaveAMessageFormId)
        ? forms
        : [...forms, leaveAMessageForm(settings, lang)];
    };
    known = { en: inLanguage('en'), cy: inLanguage('cy') };
    built.set(settings, known);
  }
  return known[language];
}

/** The "Leave a message" form in effect. */
export function leaveAMessageFormOf(settings: FormSettings, language: Language = 'en') {
  return formsOf(settings, language).find((form) => form.id === leaveAMessageFormId)!;
}
