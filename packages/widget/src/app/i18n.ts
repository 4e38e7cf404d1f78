import { languageOf } from '@ward/protocol/resident-rules';
import type { Language } from '@ward/protocol/resident-rules';
import type { ResidentErrorReason } from '@ward/protocol';
import type { Messages as OpeningMessages } from './messages-en.ts';
import type { LaterMessages } from './messages-later-en.ts';

/** Every text: those of opening the chat, and those fetched later with later.ts (present by the time they show). */
export type Messages = OpeningMessages & LaterMessages;

/**
 * The widget's language (issue 13, ADR 49): the resident's own choice in this tab, else the loader's
 * `data-ward-language` or the council page's `lang` (sent as `?language=`), else English. `m` is the
 * catalogue in use. Each catalogue is its own chunk, fetched when first needed (before the first
 * render), so a resident downloads only the language they read and the app stays within its budget.
 */
export let m: Messages;
export let language: Language = 'en';
/** Whether the later texts are wanted (later.ts was fetched): a change of language fetches them too. */
let laterWanted = false;

const laterTexts = async (of: Language): Promise<LaterMessages> =>
  of === 'cy' ? (await import('./messages-later-cy.ts')).laterCy : (await import('./messages-later-en.ts')).laterEn;

export async function chooseLanguage(next: Language): Promise<void> {
  const [opening, later] = await Promise.all([
    next === 'cy' ? import('./messages-cy.ts').then((c) => c.cy) : import('./messages-en.ts').then((c) => c.en),
    laterWanted ? laterTexts(next) : null,
  ]);
  // Until the later texts are wanted, `m` has only the opening ones: nothing reads the others before.
  m = { ...opening, ...later } as Messages;
  language = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next === 'cy' ? 'cy' : 'en-GB';
}

/** The texts needed after opening the chat, in the language shown: fetched with later.ts. */
export async function loadLaterTexts(): Promise<void> {
  laterWanted = true;
  const shown = language;
  const texts = await laterTexts(shown);
  if (language === shown) m = { ...m, ...texts };
}

/** The language to open in: the resident's stored choice first, then what the council's page says. */
export function startingLanguage(stored: string | null, fromPage: string | null): Language {
  return stored === 'cy' || stored === 'en' ? stored : languageOf(fromPage);
}

/** A number as the catalogue's language writes it ("1,000"). */
export const number = (n: number) => n.toLocaleString(m.locale);

/** A refusal's stable reason (the server's `error.reason`) in the catalogue's words. */
const reasons: Record<ResidentErrorReason, () => string> = {
  'topic-required': () => m.topicMissing,
  'consent-required': () => m.consentMissing,
  'pre-chat-answer-invalid': () => m.answersInvalid,
  'form-answers-invalid': () => m.errors.bad_request,
  'chat-ended': () => m.errors.conversation_ended,
  'chat-not-found': () => m.errors.not_found,
  'chat-starts': () => m.tooManyChats,
  'visitor-messages-per-second': () => m.tooFast,
  'visitor-messages-per-minute': () => m.tooFast,
  'transcript-emails': () => m.tooManyTranscripts,
  'form-submissions': () => m.errors.rate_limited,
};

/**
 * What the resident reads for an error Ward reported: the catalogue's words for its reason when it
 * gives one, else for its code, never the server's English.
 */
export const errorText = (error: { code?: unknown; reason?: unknown } | undefined): string => {
  const { code, reason } = error ?? {};
  if (typeof reason === 'string' && Object.hasOwn(reasons, reason)) return reasons[reason as ResidentErrorReason]();
  return typeof code === 'string' && Object.hasOwn(m.errors, code)
    ? m.errors[code as keyof Messages['errors']]
    : m.serviceProblem;
};
