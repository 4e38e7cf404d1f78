import { describe, expect, it } from 'vitest';
import { caseReferenceFromRandom, checkPreChatAnswers, fieldMessages, type PreChatQuestionRule } from '../src/index.ts';

const today = '2026-12-05';
const question = (
  type: PreChatQuestionRule['type'],
  extra: Partial<PreChatQuestionRule> = {},
): PreChatQuestionRule => ({
  id: 'q',
  label: 'Your answer?',
  type,
  options: [],
  required: true,
  topics: null,
  maxLength: 200,
  ...extra,
});
/** The answer kept, or the first problem's message. */
const check = (q: PreChatQuestionRule, answer: Parameters<typeof checkPreChatAnswers>[2][string] | undefined) => {
  const result = checkPreChatAnswers([q], 'bins', answer === undefined ? {} : { q: answer }, { today });
  return result.ok ? result.answers.q : result.errors[0]!.message;
};
const reference = caseReferenceFromRandom([1, 2, 3, 4, 5, 6, 7]);

describe('pre-chat questions of every online-form type, checked alike in the widget and the server', () => {
  it('keeps email addresses as online forms do', () => {
    expect(check(question('email'), ' alex@example.com ')).toBe('alex@example.com');
    expect(check(question('email'), 'alex@example')).toBe(fieldMessages.emailFormat);
    expect(check(question('email'), undefined)).toBe('Enter an answer to “Your answer?”');
  });

  it('keeps phone numbers the widget can tell apart and leaves the numbering plan to the server', () => {
    expect(check(question('phone'), '07700 900 982')).toBe('07700 900 982');
    expect(check(question('phone'), '0770')).toBe(fieldMessages.phoneFormat);
    expect(check(question('phone'), 'call me')).toBe(fieldMessages.phoneFormat);
    const plan = checkPreChatAnswers(
      [question('phone')],
      'bins',
      { q: '07700 900 982' },
      {
        today,
        phone: (typed) => (typed.startsWith('07') ? '+447700900982' : null),
      },
    );
    expect(plan).toEqual({ ok: true, answers: { q: '+447700900982' } });
  });

  it('writes postcodes and case references in their normal form, and refuses wrong ones', () => {
    expect(check(question('postcode'), 'sw1a1aa')).toBe('SW1A 1AA');
    expect(check(question('postcode'), 'SW1A 1AK')).toBe(fieldMessages.postcodeFormat);
    expect(check(question('case-reference'), reference.toLowerCase().replace('-', ' '))).toBe(reference);
    expect(check(question('case-reference'), '4K7M-9P2A')).toBe(fieldMessages.caseReferenceFormat);
  });

  it('reads a date from its three boxes or an ISO date, with the GOV.UK date input’s messages', () => {
    const date = question('date', { label: 'Date of the missed collection' });
    expect(check(date, { day: '3', month: 'Dec', year: '2026' })).toBe('2026-12-03');
    expect(check(date, '2026-12-03')).toBe('2026-12-03');
    expect(check(date, { day: '', month: '', year: '' })).toBe('Enter an answer to “Date of the missed collection”');
    expect(check(date, { day: '3', month: '', year: '2026' })).toBe(
      'Date of the missed collection must include a month',
    );
    expect(check(date, { day: '31', month: '2', year: '2026' })).toBe(
      'Date of the missed collection must be a real date',
    );
    expect(check(date, '3 December')).toBe('Date of the missed collection must be a real date');
    expect(check({ ...date, when: 'past' }, '2026-12-06')).toBe(
      'Date of the missed collection must be today or in the past',
    );
    const boxes = checkPreChatAnswers([date], 'bins', { q: { day: '3', month: '13', year: '2026' } }, { today });
    expect(boxes).toEqual({
      ok: false,
      errors: [{ id: 'q', message: 'Date of the missed collection must be a real date', parts: ['month'] }],
    });
  });

  it('takes a select’s answer only from its options', () => {
    const ward = question('select', { label: 'Your ward', options: ['North', 'South'] });
    expect(check(ward, 'South')).toBe('South');
    expect(check(ward, 'East')).toBe('Select one of the answers to “Your ward”');
    expect(check(ward, '')).toBe('Select an answer to “Your ward”');
  });

  it('keeps a checkbox as yes or no, and a required one must be ticked', () => {
    const tenant = question('checkbox', { label: 'Are you a council tenant?', required: false });
    expect(check(tenant, 'yes')).toBe('yes');
    expect(check(tenant, undefined)).toBe('no');
    expect(check(tenant, 'maybe')).toBe('Select one of the answers to “Are you a council tenant?”');
    expect(check({ ...tenant, required: true }, '')).toBe('Select an answer to “Are you a council tenant?”');
  });

  it('leaves optional answers out when blank', () => {
    for (const type of ['email', 'phone', 'postcode', 'date', 'select', 'case-reference'] as const)
      expect(checkPreChatAnswers([question(type, { required: false })], 'bins', { q: '' }, { today })).toEqual({
        ok: true,
        answers: {},
      });
  });
});
