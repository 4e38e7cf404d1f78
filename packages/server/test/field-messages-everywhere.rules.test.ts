import { describe, expect, it } from 'vitest';
import {
  dateMessages,
  fieldMessages,
  residentErrorReasons,
  type Language,
  type ResidentErrorReason,
} from '@ward/protocol';
import { en as widgetEn } from '../../widget/src/app/messages-en.ts';
import { cy as widgetCy } from '../../widget/src/app/messages-cy.ts';
import { laterEn } from '../../widget/src/app/messages-later-en.ts';
import { laterCy } from '../../widget/src/app/messages-later-cy.ts';
import { en as serverEn } from '../src/shared/resident-texts/en.ts';
import { cy as serverCy } from '../src/shared/resident-texts/cy.ts';

/**
 * One field rule, one message (issue 13, ADR 49 and 50). The field rules (field-rules.ts, the
 * pre-chat question checks) run in the widget, for the council's pre-chat questions, and on the
 * server, for online forms; each place words their failures in its own catalogue, in English and
 * Welsh. This ties the two places together, so that a failure said in one place or language and
 * not the others, or said differently without anyone deciding so, fails here.
 *
 * What was decided: a failure given the same things to say (a label, a maximum) is worded the same
 * in both places, word for word, in each language — the English is the protocol's. Where the
 * places are given different things it is worded differently on purpose, and `differs` says why:
 * an online form names a field by its `errorName` ("Rhowch eich enw"), a pre-chat question has
 * only its label ("Rhowch ateb i “…”"). The one difference in a single language: too long answers.
 * The server's English follows GOV.UK's pattern for a form field ("Describe the fault must be 2000
 * characters or less"), the widget's asks about an answer, as the protocol's English for pre-chat
 * answers does; in Welsh both say "Rhaid i’r ateb i “…”", which reads well after any label. A
 * failure only one place can meet is listed with why the other never says it.
 */
type Place = 'widget' | 'server';
interface Reason {
  /** Where the widget's catalogues hold it (`dateTexts.day`), with what its function is given. */
  widget?: { key: string; given?: string[] };
  /** Its key among the server's `validation` texts. */
  server?: keyof typeof serverEn.validation;
  /** The protocol's English, which each place that says it says word for word. */
  english?: string;
  /** Why the two places word it differently, in the language where they do. */
  differs?: Partial<Record<Language, string>>;
  /** Why only one place says it. */
  only?: string;
}

const byName = 'An online form names the field by its errorName; a pre-chat question has only its label.';
const reasons: Record<string, Reason> = {
  emailFormat: { widget: { key: 'emailFormat' }, server: 'email', english: fieldMessages.emailFormat },
  phoneFormat: { widget: { key: 'phoneFormat' }, server: 'phone', english: fieldMessages.phoneFormat },
  postcodeFormat: { widget: { key: 'postcodeFormat' }, server: 'realPostcode', english: fieldMessages.postcodeFormat },
  caseReferenceFormat: {
    widget: { key: 'caseReferenceFormat' },
    server: 'caseReference',
    english: fieldMessages.caseReferenceFormat,
  },
  dateMustInclude: {
    widget: { key: 'dateTexts.mustInclude' },
    server: 'dateMustInclude',
    english: dateMessages.mustInclude,
  },
  dateDay: { widget: { key: 'dateTexts.day' }, server: 'aDay', english: dateMessages.day },
  dateMonth: { widget: { key: 'dateTexts.month' }, server: 'aMonth', english: dateMessages.month },
  dateYear: { widget: { key: 'dateTexts.year' }, server: 'aYear', english: dateMessages.year },
  dateAnd: { widget: { key: 'dateTexts.and' }, server: 'and', english: dateMessages.and },
  dateReal: { widget: { key: 'dateTexts.realDate' }, server: 'realDate', english: dateMessages.realDate },
  dateYearFourNumbers: {
    widget: { key: 'dateTexts.yearFourNumbers' },
    server: 'yearFourNumbers',
    english: dateMessages.yearFourNumbers,
  },
  datePast: { widget: { key: 'dateTexts.past' }, server: 'todayOrPast', english: dateMessages.past },
  dateFuture: { widget: { key: 'dateTexts.future' }, server: 'todayOrFuture', english: dateMessages.future },
  consentMissing: { widget: { key: 'consentMissing' }, server: 'consent' },
  tooLong: {
    widget: { key: 'answerTooLong', given: ['{label}', '{max}'] },
    server: 'tooLong',
    differs: { en: 'GOV.UK’s pattern for a form field against the protocol’s for a pre-chat answer (see above).' },
  },
  missingTyped: {
    widget: { key: 'answerMissing', given: ['{label}'] },
    server: 'enter',
    differs: { en: byName, cy: byName },
  },
  missingChosen: {
    widget: { key: 'answerNotChosen', given: ['{label}'] },
    server: 'select',
    differs: { en: byName, cy: byName },
  },
  notAnOption: {
    widget: { key: 'answerNotAnOption', given: ['{label}'] },
    server: 'select',
    differs: { en: byName, cy: byName },
  },
  unknownQuestion: {
    widget: { key: 'answerUnknown' },
    only: 'A form post answering a question the form does not ask is refused whole, over the API, not as a field’s message.',
  },
  wrongShape: {
    server: 'notInRightForm',
    only: 'Only a hand-made post sends an answer of the wrong shape (text for a date); the widget’s controls cannot.',
  },
  postcodeMissing: {
    server: 'enterPostcode',
    only: 'An address that feeds the customer record needs a postcode; pre-chat questions ask no address.',
  },
};

const catalogues = {
  widget: { en: { ...widgetEn, ...laterEn }, cy: { ...widgetCy, ...laterCy } },
  server: { en: serverEn.validation, cy: serverCy.validation },
};
type Said = string | ((...args: string[]) => string) | Record<string, string>;
/** What a place says for a reason in a language, its function's placeholders kept as `{label}`. */
function said(reason: Reason, place: Place, language: Language): string | undefined {
  if (place === 'server') return reason.server && catalogues.server[language][reason.server];
  if (!reason.widget) return undefined;
  const [key, inner] = reason.widget.key.split('.') as [string, string?];
  const text = (catalogues.widget[language] as unknown as Record<string, Said>)[key];
  const found = inner && typeof text === 'object' ? text[inner] : text;
  return typeof found === 'function' ? found(...(reason.widget.given ?? [])) : (found as string | undefined);
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the field rules’ messages in the widget and on the server', () => {
  it('account for every failure each place words, and every one the protocol words', () => {
    const widgetKeys = [
      ...Object.keys(widgetEn).filter((key) => /^answer[A-Z]|Format$/.test(key)),
      'consentMissing',
      ...Object.keys(laterEn).filter((key) => /Format$/.test(key)),
      ...Object.keys(laterEn.dateTexts).map((key) => `dateTexts.${key}`),
    ];
    const listed = Object.values(reasons);
    expect(widgetKeys.filter((key) => !listed.some((r) => r.widget?.key === key))).toEqual([]);
    expect(Object.keys(serverEn.validation).filter((key) => !listed.some((r) => r.server === key))).toEqual([]);
    const protocol = [...Object.values(fieldMessages), ...Object.values(dateMessages)];
    expect(protocol.filter((text) => !listed.some((r) => r.english === text))).toEqual([]);
  });

  for (const [name, reason] of Object.entries(reasons)) {
    it(`say “${name}” in each place that meets it, in English and Welsh, as decided`, () => {
      const places: Place[] = reason.only ? [reason.widget ? 'widget' : 'server'] : ['widget', 'server'];
      expect(Boolean(reason.widget) && Boolean(reason.server), name).toBe(!reason.only);
      for (const language of ['en', 'cy'] as const) {
        const texts = places.map((place) => said(reason, place, language));
        for (const text of texts) expect(text?.trim(), `${name} (${language})`).toBeTruthy();
        if (language === 'en' && reason.english)
          for (const text of texts) expect(text, `${name} is the protocol’s English`).toBe(reason.english);
        if (language === 'cy')
          for (const [index, text] of texts.entries())
            expect(text, `${name} is Welsh`).not.toBe(said(reason, places[index]!, 'en'));
        if (places.length < 2) continue;
        const [widget, server] = texts as [string, string];
        if (reason.differs?.[language]) {
          // Listed as different on purpose: a list that is no longer true fails too.
          expect(widget, `${name} (${language}) is now the same: drop it from differs`).not.toBe(server);
        } else {
          expect(widget, `${name} (${language})`).toBe(server);
          expect(placeholders(widget)).toEqual(placeholders(server));
        }
      }
    });
  }

  it('say a refusal of the API that is a field’s failure as the server’s page says that failure', () => {
    // Each refusal a resident may meet: the failure above that the widget says it with (i18n.ts, held
    // there by the widget's error-text test), or why it is none.
    const notAField = 'none: not about an answer';
    const refusals: Record<ResidentErrorReason, string> = {
      'consent-required': 'consentMissing',
      'topic-required': 'none: the chat’s topic is asked only in the widget',
      'pre-chat-answer-invalid': 'none: the widget shows each question’s failure before it sends',
      'form-answers-invalid': 'none: a form page shows each field’s failure, the API only this code',
      'chat-ended': notAField,
      'chat-not-found': notAField,
      'chat-starts': notAField,
      'visitor-messages-per-second': notAField,
      'visitor-messages-per-minute': notAField,
      'transcript-emails': notAField,
      'form-submissions': notAField,
    };
    expect(Object.keys(refusals).sort()).toEqual([...residentErrorReasons].sort());
    for (const [refusal, name] of Object.entries(refusals)) {
      if (name.startsWith('none')) continue;
      expect(reasons[name]?.server, refusal).toBeDefined();
      expect(reasons[name]?.differs, refusal).toBeUndefined();
    }
  });
});
