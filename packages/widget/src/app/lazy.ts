import type { PreChatQuestionRule } from '@ward/protocol/resident-rules';
import type * as later from './later.ts';
import { loadLaterTexts } from './i18n.ts';

/** The chunk of what is needed only after opening the chat (later.ts), fetched once (ADR 49). */
export type Later = typeof later;

let loading: Promise<Later> | null = null;

export function loadLater(): Promise<Later> {
  loading ??= Promise.all([import('./later.ts'), loadLaterTexts()]).then(
    ([module]) => module,
    (error: unknown) => {
      // Offline for a moment: not kept as failed, so the next step needing it, or the resident's
      // Try again, fetches it anew (as Chromium does for a module that failed to download).
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Whether the pre-chat form needs that chunk: a question of a type other than text and radios. */
export const needsLater = (questions: readonly Pick<PreChatQuestionRule, 'type'>[]) =>
  questions.some((question) => question.type !== 'text' && question.type !== 'radios');
