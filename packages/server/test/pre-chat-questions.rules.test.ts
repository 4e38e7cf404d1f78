import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'postcode';
import { normalisePostcode } from '@ward/protocol';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';
import {
  preChatAnswersToStore,
  preChatQuestions,
  readPreChatAnswers,
} from '../src/features/conversations/pre-chat-answers.rules.ts';

const topics = [
  { id: 'housing', label: 'Housing' },
  { id: 'bins', label: 'Bins' },
];
const landlord = {
  id: 'landlord',
  label: 'Are you a landlord?',
  type: 'radios',
  options: ['Yes', 'No'],
  required: true,
};
const today = '2026-12-05';
const problems = (preChatQuestions: unknown[]) => {
  const result = OrganisationSettings.safeParse({ topics, preChatQuestions });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the council’s own pre-chat questions', () => {
  it('has none by default', () => {
    expect(OrganisationSettings.parse({ topics }).preChatQuestions).toEqual([]);
  });

  it('refuses ids used twice or taken by the form’s own fields, unknown topics and radios without options', () => {
    expect(problems([landlord])).toEqual([]);
    expect(problems([landlord, landlord])).toEqual(['question id "landlord" is used twice']);
    expect(problems([{ ...landlord, id: 'email' }])).toEqual([
      'name, email, topic and consent are the form’s own fields',
    ]);
    expect(problems([{ ...landlord, topics: ['parking'] }])).toEqual(['topic "parking" is not in topics']);
    expect(problems([{ ...landlord, options: ['Yes'] }])).toEqual(['a radios question needs at least two options']);
    expect(problems([{ id: 'ward', label: 'Ward', type: 'text', options: ['North', 'South'] }])).toEqual([
      'only a radios or select question has options',
    ]);
    expect(problems([{ id: 'ward', label: 'Ward', type: 'select', options: ['North'] }])).toEqual([
      'a select question needs at least two options',
    ]);
    expect(problems([{ id: 'ward', label: 'Ward', type: 'text', when: 'past' }])).toEqual([
      'only a date question has "when"',
    ]);
    expect(problems([{ id: 'ward', label: 'Ward', type: 'colour' }])).toHaveLength(1);
  });

  it('keeps each answer with its question, redacting card numbers from text answers only', () => {
    const settings = OrganisationSettings.parse({
      topics,
      preChatQuestions: [
        { ...landlord, topics: ['housing'] },
        { id: 'account', label: 'Account number', type: 'text' },
      ],
    });
    const stored = preChatAnswersToStore(
      settings,
      'housing',
      { landlord: 'No', account: 'card 4111 1111 1111 1111' },
      today,
    );
    expect(stored).toEqual([
      { id: 'landlord', label: 'Are you a landlord?', value: 'No', type: 'radios' },
      { id: 'account', label: 'Account number', value: expect.not.stringContaining('4111'), type: 'text' },
    ]);
    expect(readPreChatAnswers(JSON.stringify(stored))).toHaveLength(2);
    expect(preChatAnswersToStore(settings, 'bins', {}, today)).toBeNull();
    expect(() => preChatAnswersToStore(settings, 'housing', {}, today)).toThrow(
      'Select an answer to “Are you a landlord?”',
    );
  });

  it('asks a council’s questions in Welsh when it gives them, and keeps the answer in English for staff', () => {
    const settings = OrganisationSettings.parse({
      topics,
      preChatQuestions: [
        {
          id: 'ward',
          label: { en: 'Your ward', cy: 'Eich ward' },
          hint: { en: 'Where you live', cy: 'Lle rydych yn byw' },
          type: 'select',
          options: [{ en: 'North', cy: 'Gogledd' }, 'South'],
          required: true,
        },
      ],
    });
    expect(preChatQuestions(settings, 'cy')[0]).toMatchObject({
      label: 'Eich ward',
      hint: 'Lle rydych yn byw',
      options: ['Gogledd', 'South'],
    });
    expect(preChatQuestions(settings)[0]).toMatchObject({ label: 'Your ward', options: ['North', 'South'] });
    expect(preChatAnswersToStore(settings, 'bins', { ward: 'Gogledd' }, today, 'cy')).toEqual([
      { id: 'ward', label: 'Your ward', value: 'North', type: 'select' },
    ]);
    expect(() => preChatAnswersToStore(settings, 'bins', { ward: 'North' }, today, 'cy')).toThrow(
      'Select one of the answers to “Eich ward”',
    );
    expect(problems([{ ...landlord, options: [{ en: 'Yes', cy: 'Ydw' }, 'Yes'] }])).toEqual([
      'each option is listed once',
    ]);
  });

  it('keeps every other type normalised as online forms do, redacts none of them, and reads them as people would', () => {
    const settings = OrganisationSettings.parse({
      topics,
      preChatQuestions: [
        { id: 'contact-email', label: 'Email for a reply', type: 'email' },
        { id: 'mobile', label: 'Mobile number', type: 'phone' },
        { id: 'postcode', label: 'Postcode of the property', type: 'postcode' },
        { id: 'moved-in', label: 'When did you move in?', type: 'date', when: 'past' },
        { id: 'ward', label: 'Your ward', type: 'select', options: ['North', 'South'] },
        { id: 'tenant', label: 'Are you a council tenant?', type: 'checkbox' },
        { id: 'earlier', label: 'Case reference of an earlier contact', type: 'case-reference' },
      ],
    });
    const stored = preChatAnswersToStore(
      settings,
      'bins',
      {
        'contact-email': 'alex@example.com',
        mobile: '07911 123456',
        postcode: 'sw1a 1aa',
        'moved-in': '2019-03-27',
        ward: 'South',
        tenant: 'yes',
      },
      today,
    );
    expect(stored?.map((answer) => answer.value)).toEqual([
      'alex@example.com',
      '+447911123456',
      'SW1A 1AA',
      '2019-03-27',
      'South',
      'yes',
    ]);
    expect(readPreChatAnswers(JSON.stringify(stored)).map((answer) => answer.value)).toEqual([
      'alex@example.com',
      '+447911123456',
      'SW1A 1AA',
      '27 March 2019',
      'South',
      'Yes',
    ]);
    expect(readPreChatAnswers(JSON.stringify([{ ...stored![5], value: 'no' }]))).toEqual([
      { label: 'Are you a council tenant?', value: 'No' },
    ]);
    // The widget only sieves phone numbers; the server holds them to the numbering plan.
    expect(() => preChatAnswersToStore(settings, 'bins', { mobile: '07700 900982' }, today)).toThrow(
      'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    );
  });

  it('normalises postcodes as the postcode package does, with the unit letters Royal Mail uses', () => {
    const postcodeLike = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.stringMatching(/^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$/),
          fc.constantFrom('', ' ', '  '),
          fc.stringMatching(/^[0-9][A-Za-zſK]{2}$/),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(postcodeLike, (typed) => {
        const parsed = parse(typed.replace(/\s+/g, ''));
        const expected = parsed.valid && !/[CIKMOV]/.test(parsed.unit!) ? parsed.postcode : null;
        expect(normalisePostcode(typed)).toBe(expected);
      }),
    );
  });
});
