import type { DateCheck, DateParts, DatePart, DateRule, DateTexts } from './field-rules.ts';

/**
 * A council's own pre-chat questions (issue 13): which apply to a topic and what is wrong with the
 * answers, without the validation library, so the widget and the server check them with the same
 * rules and messages. The field types and their checks are online forms' (ADR 38).
 */
export const preChatQuestionTypes = [
  'text',
  'email',
  'phone',
  'postcode',
  'date',
  'radios',
  'select',
  'checkbox',
  'case-reference',
] as const;
export type PreChatQuestionType = (typeof preChatQuestionTypes)[number];

export interface PreChatQuestionRule {
  id: string;
  label: string;
  type: PreChatQuestionType;
  /** The choices of a radios or select question (empty for the others). */
  options: readonly string[];
  required: boolean;
  /** The topics the question is asked for; null: every topic. */
  topics: readonly string[] | null;
  maxLength: number;
  /** Which dates a date question accepts. */
  when?: 'past' | 'future' | 'any';
}

/** Ids a question cannot take: the pre-chat form's own fields. */
export const reservedQuestionIds = ['name', 'email', 'topic', 'consent'] as const;

export const preChatAnswersMax = 20;

/** A ticked checkbox question's answer, and an unticked one's. */
export const checkboxAnswers = { ticked: 'yes', unticked: 'no' } as const;

export function questionsForTopic<Q extends Pick<PreChatQuestionRule, 'topics'>>(
  questions: readonly Q[],
  topic: string,
): Q[] {
  return questions.filter((question) => question.topics === null || question.topics.includes(topic));
}

const chosen = (type: PreChatQuestionType) => type === 'radios' || type === 'select' || type === 'checkbox';

/** Every resident-facing text of the pre-chat questions, together (the field-rules' formats aside). */
export const preChatQuestionMessages = {
  missing: (q: PreChatQuestionRule) =>
    chosen(q.type) ? `Select an answer to “${q.label}”` : `Enter an answer to “${q.label}”`,
  tooLong: (q: PreChatQuestionRule) =>
    `Your answer to “${q.label}” must be ${q.maxLength.toLocaleString('en-GB')} characters or fewer`,
  notAnOption: (q: PreChatQuestionRule) => `Select one of the answers to “${q.label}”`,
  unknown: 'Answer only the questions the form asks',
  /** The date boxes' labels and the select's empty choice, as online forms word them. */
  day: 'Day',
  month: 'Month',
  year: 'Year',
  chooseOption: 'Choose an option',
  /** A checkbox question's one box. */
  yes: 'Yes',
} as const;

/** What the resident gave: text, or a date's three boxes (sent as an ISO date). */
export type PreChatAnswerInput = string | DateParts;
export type PreChatAnswerError = { id: string; message: string; parts?: DatePart[] };

/** A phone number's check: the widget's only sieves; the server passes the numbering plan's. */
export type PhoneCheck = (typed: string) => string | null;

/** The typed questions with a format of their own. */
export type FormatType = 'email' | 'phone' | 'postcode' | 'case-reference';

/** The messages of the checks, in the resident's language (the widget's catalogue), or English. */
export interface PreChatQuestionTexts {
  missing: (q: PreChatQuestionRule) => string;
  tooLong: (q: PreChatQuestionRule) => string;
  notAnOption: (q: PreChatQuestionRule) => string;
  unknown: string;
  formats: Record<FormatType, string>;
  date: DateTexts;
}

/**
 * The checks of the types with a format or a date (pre-chat-question-types.ts), apart from these so
 * the widget fetches them only for a council that asks such questions (ADR 49).
 */
export interface QuestionTypeChecks {
  format: Record<FormatType, (typed: string, phone?: PhoneCheck) => string | null>;
  date: (input: DateParts, rule: DateRule, texts: DateTexts) => DateCheck;
}

export interface AnswerChecks {
  /** An ISO date (Europe/London). */
  today: string;
  texts: PreChatQuestionTexts;
  /** Needed as soon as a question of a type with a format or a date is asked. */
  types?: QuestionTypeChecks;
  phone?: PhoneCheck;
}

const isFormat = (type: PreChatQuestionType): type is FormatType =>
  type === 'email' || type === 'phone' || type === 'postcode' || type === 'case-reference';

function typeChecks(check: AnswerChecks): QuestionTypeChecks {
  if (!check.types) throw new Error('The checks of the pre-chat question types are not loaded');
  return check.types;
}

function checkOne(
  question: PreChatQuestionRule,
  given: PreChatAnswerInput | undefined,
  check: AnswerChecks,
): { value: string | null } | { message: string; parts?: DatePart[] } {
  const { texts } = check;
  if (question.type === 'date') {
    // Sent as an ISO date: anything else typed in one string is not a real date.
    const typed = typeof given === 'string' ? given.trim() : '';
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
    const part = (index: number) => (iso ? iso[index]! : typed && '?');
    const parts = typeof given === 'object' ? given : { year: part(1), month: part(2), day: part(3) };
    const date = typeChecks(check).date(
      parts,
      {
        label: question.label.replace(/\?$/, ''),
        missing: texts.missing(question),
        required: question.required,
        when: question.when ?? 'any',
        today: check.today,
      },
      texts.date,
    );
    return date.ok ? { value: date.value } : { message: date.message, parts: date.parts };
  }
  const answer = typeof given === 'string' ? given.trim() : '';
  const missing = { message: texts.missing(question) };
  if (question.type === 'checkbox') {
    if (answer !== '' && answer !== checkboxAnswers.ticked && answer !== checkboxAnswers.unticked)
      return { message: texts.notAnOption(question) };
    if (question.required && answer !== checkboxAnswers.ticked) return missing;
    return { value: answer === checkboxAnswers.ticked ? answer : checkboxAnswers.unticked };
  }
  if (answer === '') return question.required ? missing : { value: null };
  if (chosen(question.type))
    return question.options.includes(answer) ? { value: answer } : { message: texts.notAnOption(question) };
  if (answer.length > question.maxLength) return { message: texts.tooLong(question) };
  if (!isFormat(question.type)) return { value: answer };
  const value = typeChecks(check).format[question.type](answer, check.phone);
  return value === null ? { message: texts.formats[question.type] } : { value };
}

/**
 * The answers to keep (normalised as online forms keep them, empty ones left out, a checkbox
 * always "yes" or "no") or the first problem of each question, in the order the questions appear;
 * an answer to a question not asked for this topic is a problem too. The server's English with
 * every type's checks is `checkPreChatAnswers` (pre-chat-question-types.ts).
 */
export function checkAnswers(
  questions: readonly PreChatQuestionRule[],
  topic: string,
  answers: Readonly<Record<string, PreChatAnswerInput>>,
  check: AnswerChecks,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: PreChatAnswerError[] } {
  const asked = questionsForTopic(questions, topic);
  const errors: PreChatAnswerError[] = [];
  const kept: Record<string, string> = {};
  for (const id of Object.keys(answers))
    if (!asked.some((q) => q.id === id)) errors.push({ id, message: check.texts.unknown });
  for (const question of asked) {
    const result = checkOne(question, answers[question.id], check);
    if ('message' in result) errors.push({ id: question.id, ...result });
    else if (result.value !== null) kept[question.id] = result.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: kept };
}

/** Whether a question needs the checks fetched apart (a format or a date). */
export const needsTypeChecks = (question: Pick<PreChatQuestionRule, 'type'>) =>
  question.type === 'date' || isFormat(question.type);
