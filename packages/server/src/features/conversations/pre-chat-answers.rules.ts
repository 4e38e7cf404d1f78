import {
  checkPreChatAnswers,
  checkboxAnswers,
  textIn,
  type Language,
  type PreChatQuestion,
  type PreChatQuestionType,
} from '@ward/protocol';
import type { OrganisationSettings } from '../../shared/organisation-settings.ts';
import { AppError } from '../../shared/app-error.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { parsePhoneNumber } from '../../shared/phone-number.rules.ts';

/** The council's questions as the widget asks them (ADR 38), in the widget's language (ADR 49). */
export function preChatQuestions(settings: OrganisationSettings, language: Language = 'en'): PreChatQuestion[] {
  return settings.preChatQuestions.map((q) => ({
    id: q.id,
    label: textIn(q.label, language),
    hint: q.hint === undefined ? null : textIn(q.hint, language),
    type: q.type,
    options: (q.options ?? []).map((option) => textIn(option, language)),
    required: q.required,
    topics: q.topics ?? null,
    maxLength: q.maxLength,
    when: q.when ?? 'any',
  }));
}

/**
 * A chat's answers as stored (sealed), each with its question as asked then: a later rewording keeps
 * their meaning. `type` tells how to read the value (an ISO date, "yes" or "no"); older answers lack it.
 */
export type StoredPreChatAnswer = { id: string; label: string; value: string; type?: PreChatQuestionType };

/**
 * Checks the answers with the widget's own rules (an unknown question, a missing required answer or
 * a wrong one is refused with the first problem's message), phone numbers with the numbering plan as
 * online forms do, and keeps them normalised like online forms' (a phone number in E.164, a postcode
 * and a case reference in their normal form, a date as an ISO date). Only text answers are free text
 * and redacted (ADR 9); the other types are reduced to safe shapes by their checks. Null when there
 * is nothing to keep. `today` is the ISO date in London.
 */
export function preChatAnswersToStore(
  settings: OrganisationSettings,
  topic: string,
  answers: Record<string, string> | undefined,
  today: string,
  language: Language = 'en',
): StoredPreChatAnswer[] | null {
  // Checked against what the resident read; kept in English (the question and a chosen option), as staff read it.
  const asked = preChatQuestions(settings, language);
  const questions = preChatQuestions(settings);
  const checked = checkPreChatAnswers(asked, topic, answers ?? {}, { today, phone: parsePhoneNumber });
  if (!checked.ok) throw new AppError('bad_request', checked.errors[0]!.message, { reason: 'pre-chat-answer-invalid' });
  const kept = questions
    .filter((q) => checked.answers[q.id] !== undefined)
    .map((q) => {
      const given = checked.answers[q.id]!;
      const option = asked.find((shown) => shown.id === q.id)!.options.indexOf(given);
      const value = option >= 0 ? q.options[option]! : given;
      return {
        id: q.id,
        label: q.label,
        value: q.type === 'text' ? redactFor(settings, value).text : value,
        type: q.type,
      };
    });
  return kept.length > 0 ? kept : null;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An answer as people read it: a checkbox as Yes or No, a date in words (as online forms show them). */
function readable({ type, value }: StoredPreChatAnswer): string {
  if (type === 'checkbox') return value === checkboxAnswers.ticked ? 'Yes' : 'No';
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate.format(new Date(`${value}T00:00:00Z`));
  return value;
}

/** The stored answers as staff, transcripts and the export pack show them; none when none or deleted. */
export function readPreChatAnswers(stored: string | null): Array<{ label: string; value: string }> {
  if (!stored) return [];
  return (JSON.parse(stored) as StoredPreChatAnswer[]).map((answer) => ({
    label: answer.label,
    value: readable(answer),
  }));
}
