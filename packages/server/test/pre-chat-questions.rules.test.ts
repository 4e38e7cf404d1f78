import { describe, expect, it } from 'vitest';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';
import { preChatAnswersToStore, readPreChatAnswers } from '../src/features/conversations/pre-chat-answers.rules.ts';

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
      'only a radios question has options',
    ]);
  });

  it('keeps each answer with its question, redacting card numbers from text answers only', () => {
    const settings = OrganisationSettings.parse({
      topics,
      preChatQuestions: [
        { ...landlord, topics: ['housing'] },
        { id: 'account', label: 'Account number', type: 'text' },
      ],
    });
    const stored = preChatAnswersToStore(settings, 'housing', { landlord: 'No', account: 'card 4111 1111 1111 1111' });
    expect(stored).toEqual([
      { id: 'landlord', label: 'Are you a landlord?', value: 'No' },
      { id: 'account', label: 'Account number', value: expect.not.stringContaining('4111') },
    ]);
    expect(readPreChatAnswers(JSON.stringify(stored))).toHaveLength(2);
    expect(preChatAnswersToStore(settings, 'bins', {})).toBeNull();
    expect(() => preChatAnswersToStore(settings, 'housing', {})).toThrow('Select an answer to “Are you a landlord?”');
  });
});
