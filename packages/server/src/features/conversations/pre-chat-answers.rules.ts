import { checkPreChatAnswers, type PreChatQuestion } from '@ward/protocol';
import type { OrganisationSettings } from '../../shared/organisation-settings.ts';
import { AppError } from '../../shared/app-error.ts';
import { redactFor } from '../redaction/redaction.rules.ts';

/** The council's questions as the widget asks them (ADR 38). */
export function preChatQuestions(settings: OrganisationSettings): PreChatQuestion[] {
  return settings.preChatQuestions.map((q) => ({
    id: q.id,
    label: q.label,
    hint: q.hint ?? null,
    type: q.type,
    options: q.options ?? [],
    required: q.required,
    topics: q.topics ?? null,
    maxLength: q.maxLength,
  }));
}

/** A chat's answers as stored (sealed), each with its question as asked then: a later rewording keeps their meaning. */
export type StoredPreChatAnswer = { id: string; label: string; value: string };

/**
 * Checks the answers with the widget's own rules (an unknown question, a missing required answer or
 * an answer not among the options is refused with the first problem's message) and redacts the text
 * answers like any free text (ADR 9). Null when there is nothing to keep.
 */
export function preChatAnswersToStore(
  settings: OrganisationSettings,
  topic: string,
  answers: Record<string, string> | undefined,
): StoredPreChatAnswer[] | null {
  const questions = preChatQuestions(settings);
  const checked = checkPreChatAnswers(questions, topic, answers ?? {});
  if (!checked.ok) throw new AppError('bad_request', checked.errors[0]!.message);
  const kept = questions
    .filter((q) => checked.answers[q.id] !== undefined)
    .map((q) => {
      const value = checked.answers[q.id]!;
      return { id: q.id, label: q.label, value: q.type === 'text' ? redactFor(settings, value).text : value };
    });
  return kept.length > 0 ? kept : null;
}

/** The stored answers as staff see them; none when the chat had none or they were deleted. */
export function readPreChatAnswers(stored: string | null): Array<{ label: string; value: string }> {
  if (!stored) return [];
  return (JSON.parse(stored) as StoredPreChatAnswer[]).map(({ label, value }) => ({ label, value }));
}
