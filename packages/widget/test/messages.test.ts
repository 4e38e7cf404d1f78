import { describe, expect, it } from 'vitest';
import { errorCodes } from '@ward/protocol';
import {
  consentCheckboxLabels,
  inactivityWarningStarts,
  preChatQuestionMessages,
  residentMessages,
} from '@ward/protocol/resident-rules';
import { dateMessages, fieldMessages } from '@ward/protocol';
import { cy } from '../src/app/messages-cy.ts';
import { en } from '../src/app/messages-en.ts';
import { laterCy } from '../src/app/messages-later-cy.ts';
import { laterEn } from '../src/app/messages-later-en.ts';

/**
 * The widget's two catalogues (ADR 49): every text in both languages, none empty, and what a text
 * is given to say (a name, a time, a number) said in both.
 */
type Text = string | readonly string[] | Record<string, string> | ((...args: never[]) => string);
// Each language's texts of opening the chat and those fetched later, together (ADR 49).
const catalogues = { en: { ...en, ...laterEn }, cy: { ...cy, ...laterCy } } as unknown as Record<
  'en' | 'cy',
  Record<string, Text>
>;

/** What each message function is given in a test; every text among them must appear in what it says. */
const samples: Record<string, unknown[]> = {
  leaveMessageAbout: ['Council tax'],
  backAt: ['Monday 7 December', '9:00am'],
  nameTooLong: ['100'],
  topicTooLong: ['100'],
  commentTooLong: ['2,000'],
  messageTooLong: ['4,000'],
  chattingWith: ['Sam'],
  queuePlace: ['3'],
  usualWait: [5],
  closesAt: ['10:42am'],
  says: ['Sam', 'Hello there'],
  typing: ['Sam'],
  typingSpoken: ['Sam'],
  composerHint: ['4,000'],
  charactersLeft: ['120'],
  charactersOver: ['7'],
  list: [['your card details', 'your bank details']],
  removedFrom: ['your card details', false],
  removed: ['your card details'],
  transcriptSentTo: ['sam@example.com'],
  answerMissing: ['Your ward'],
  answerNotChosen: ['Your ward'],
  answerTooLong: ['Your ward', '200'],
  answerNotAnOption: ['Your ward'],
};

describe('the widget’s catalogues', () => {
  const keys = { en: Object.keys(catalogues.en).sort(), cy: Object.keys(catalogues.cy).sort() };

  it('have the same keys in English and in Welsh, the texts fetched later apart from the others', () => {
    expect(keys.cy).toEqual(keys.en);
    expect(Object.keys(laterCy).sort()).toEqual(Object.keys(laterEn).sort());
    expect(Object.keys(en).filter((key) => Object.hasOwn(laterEn, key))).toEqual([]);
  });

  for (const language of ['en', 'cy'] as const) {
    it(`say something for every key in ${language === 'en' ? 'English' : 'Welsh'}`, () => {
      for (const key of keys.en) {
        const text = catalogues[language][key];
        const kind = typeof catalogues.en[key];
        expect(typeof text, key).toBe(kind);
        if (typeof text === 'string') expect(text.trim(), key).not.toBe('');
        else if (Array.isArray(text)) {
          expect(text.length, key).toBe((catalogues.en[key] as string[]).length);
          for (const item of text) expect(item.trim(), key).not.toBe('');
        } else if (typeof text === 'object') {
          const expected = key === 'errors' ? [...errorCodes] : Object.keys(catalogues.en[key] as object);
          expect(Object.keys(text).sort(), key).toEqual(expected.sort());
          for (const message of Object.values(text)) expect(message.trim(), key).not.toBe('');
        }
      }
    });

    it(`puts every placeholder's value in the ${language === 'en' ? 'English' : 'Welsh'} text`, () => {
      const functions = keys.en.filter((key) => typeof catalogues.en[key] === 'function');
      expect(functions.sort()).toEqual(Object.keys(samples).sort());
      for (const key of functions) {
        const say = catalogues[language][key] as (...args: unknown[]) => string;
        const args = samples[key] ?? [];
        expect(say.length, key).toBe((catalogues.en[key] as (...args: unknown[]) => string).length);
        const said = say(...args);
        expect(said.trim(), key).not.toBe('');
        for (const arg of args.flat()) if (typeof arg === 'string') expect(said, key).toContain(arg);
      }
    });
  }

  it('says numbers and lists as each language does', () => {
    expect(en.charactersLeft('1')).toBe('You have 1 character remaining');
    expect(cy.charactersLeft('120')).toBe('Mae gennych 120 o nodau ar ôl');
    expect(cy.list(['manylion eich cerdyn', 'eich rhif Yswiriant Gwladol'])).toBe(
      'manylion eich cerdyn a’ch rhif Yswiriant Gwladol',
    );
    expect(en.usualWait(90)).toBe('It usually takes an hour or more for an adviser to answer.');
  });

  it('word for word as the protocol where the server says the same (the consent proof quotes the labels)', () => {
    expect(en.consentPreChat).toBe(consentCheckboxLabels.preChat);
    expect(en.consentDialogue).toBe(consentCheckboxLabels.dialogue);
    for (const key of ['nameMissing', 'emailFormat', 'emailTooLong', 'topicMissing', 'messageEmpty'] as const)
      expect(en[key]).toBe(residentMessages[key]);
    // The widget knows Ward's warning that the chat will close by how it begins, in either language.
    expect(en.closesAt('10:42am').startsWith(`${inactivityWarningStarts.en} `)).toBe(true);
    expect(cy.closesAt('10:42').startsWith(`${inactivityWarningStarts.cy} `)).toBe(true);
  });

  it('says the pre-chat questions’ problems as the protocol does in English', () => {
    expect(en.emailFormat).toBe(fieldMessages.emailFormat);
    expect(laterEn.phoneFormat).toBe(fieldMessages.phoneFormat);
    expect(laterEn.postcodeFormat).toBe(fieldMessages.postcodeFormat);
    expect(laterEn.caseReferenceFormat).toBe(fieldMessages.caseReferenceFormat);
    expect(laterEn.dateTexts).toEqual(dateMessages);
    const ward = { id: 'ward', label: 'Your ward', type: 'select', options: [], required: true, topics: null } as const;
    expect(en.answerNotChosen(ward.label)).toBe(preChatQuestionMessages.missing({ ...ward, maxLength: 200 }));
    expect(en.answerMissing(ward.label)).toBe(
      preChatQuestionMessages.missing({ ...ward, type: 'text', maxLength: 200 }),
    );
    expect(en.answerTooLong(ward.label, '200')).toBe(preChatQuestionMessages.tooLong({ ...ward, maxLength: 200 }));
    expect(en.answerNotAnOption(ward.label)).toBe(preChatQuestionMessages.notAnOption({ ...ward, maxLength: 200 }));
    expect(en.answerUnknown).toBe(preChatQuestionMessages.unknown);
    expect(laterEn.chooseOption).toBe(preChatQuestionMessages.chooseOption);
  });
});
