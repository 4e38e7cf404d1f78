/**
 * A council's own pre-chat questions (issue 13): which apply to a topic and what is wrong with the
 * answers, without the validation library, so the widget and the server check them with the same
 * rules and messages.
 */
export interface PreChatQuestionRule {
  id: string;
  label: string;
  type: 'text' | 'radios';
  /** The choices of a radios question (empty for text). */
  options: readonly string[];
  required: boolean;
  /** The topics the question is asked for; null: every topic. */
  topics: readonly string[] | null;
  maxLength: number;
}

/** Ids a question cannot take: the pre-chat form's own fields. */
export const reservedQuestionIds = ['name', 'email', 'topic', 'consent'] as const;

export const preChatAnswersMax = 20;

export function questionsForTopic<Q extends Pick<PreChatQuestionRule, 'topics'>>(
  questions: readonly Q[],
  topic: string,
): Q[] {
  return questions.filter((question) => question.topics === null || question.topics.includes(topic));
}

export const preChatQuestionMessages = {
  missing: (q: PreChatQuestionRule) =>
    q.type === 'radios' ? `Select an answer to “${q.label}”` : `Enter an answer to “${q.label}”`,
  tooLong: (q: PreChatQuestionRule) =>
    `Your answer to “${q.label}” must be ${q.maxLength.toLocaleString('en-GB')} characters or fewer`,
  notAnOption: (q: PreChatQuestionRule) => `Select one of the answers to “${q.label}”`,
  unknown: 'Answer only the questions the form asks',
} as const;

/**
 * The answers to keep (trimmed, empty ones left out) or the first problem of each question, in the
 * order the questions appear; an answer to a question not asked for this topic is a problem too.
 */
export function checkPreChatAnswers(
  questions: readonly PreChatQuestionRule[],
  topic: string,
  answers: Readonly<Record<string, string>>,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: Array<{ id: string; message: string }> } {
  const asked = questionsForTopic(questions, topic);
  const errors: Array<{ id: string; message: string }> = [];
  const kept: Record<string, string> = {};
  for (const id of Object.keys(answers))
    if (!asked.some((q) => q.id === id)) errors.push({ id, message: preChatQuestionMessages.unknown });
  for (const question of asked) {
    const answer = (answers[question.id] ?? '').trim();
    if (answer === '') {
      if (question.required) errors.push({ id: question.id, message: preChatQuestionMessages.missing(question) });
    } else if (question.type === 'radios' && !question.options.includes(answer))
      errors.push({ id: question.id, message: preChatQuestionMessages.notAnOption(question) });
    else if (answer.length > question.maxLength)
      errors.push({ id: question.id, message: preChatQuestionMessages.tooLong(question) });
    else kept[question.id] = answer;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: kept };
}
