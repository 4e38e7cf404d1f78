import { describe, expect, it } from 'vitest';
import { checkPreChatAnswers, monthNumber, type PreChatQuestionRule } from '../src/index.ts';

const today = '2026-12-05';
const dateQuestion: PreChatQuestionRule = {
  id: 'q',
  label: 'Dyddiad y casgliad a fethwyd',
  type: 'date',
  options: [],
  required: true,
  topics: null,
  maxLength: 200,
};
/** The date kept, as the widget and the server both check a pre-chat date. */
const dateOf = (day: string, month: string, year: string) => {
  const result = checkPreChatAnswers([dateQuestion], 'bins', { q: { day, month, year } }, { today });
  return result.ok ? result.answers.q : result.errors[0]!.message;
};

const welsh = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

describe('Welsh month names in a date’s month box (issue 13)', () => {
  it('reads every Welsh month name, in any case', () => {
    welsh.forEach((name, index) => {
      expect(monthNumber(name)).toBe(index + 1);
      expect(monthNumber(name.toUpperCase())).toBe(index + 1);
      expect(monthNumber(name.toLowerCase())).toBe(index + 1);
    });
  });

  it('reads the short forms people write, three letters or more', () => {
    const short = { Ion: 1, Chwef: 2, chwe: 2, Maw: 3, Ebr: 4, Meh: 6, Gorff: 7, Aws: 8, Med: 9, Hyd: 10, Tach: 11 };
    for (const [typed, month] of Object.entries({ ...short, Rhag: 12 })) expect(monthNumber(typed)).toBe(month);
  });

  it('reads the mutated forms written after a word ("o Fai", "yng Ngorffennaf")', () => {
    const mutated = { Fawrth: 3, Fai: 5, Fehefin: 6, Orffennaf: 7, ngorffennaf: 7, Fedi: 9, Dachwedd: 11 };
    for (const [typed, month] of Object.entries({ ...mutated, Nhachwedd: 11, Ragfyr: 12 }))
      expect(monthNumber(typed)).toBe(month);
  });

  it('still reads English names and numbers, and takes no three letters or more for two months', () => {
    const english = 'January February March April May June July August September October November December';
    const mutated = [
      '',
      '',
      'Fawrth',
      '',
      'Fai',
      'Fehefin',
      'Orffennaf Ngorffennaf',
      '',
      'Fedi',
      '',
      'Dachwedd Nhachwedd',
      'Ragfyr',
    ];
    english.split(' ').forEach((name, index) => {
      const names = [name, welsh[index]!, ...mutated[index]!.split(' ').filter(Boolean)];
      for (const whole of names)
        for (let length = 3; length <= whole.length; length++)
          expect(monthNumber(whole.slice(0, length))).toBe(index + 1);
    });
    expect(monthNumber('03')).toBe(3);
    // Too short to tell, or no month at all.
    for (const typed of ['Ma', 'M', 'Mis', 'Mawrthh', 'Gwener', 'Mehefinn']) expect(monthNumber(typed)).toBeNull();
  });

  it('keeps a date typed with a Welsh month as its ISO date, and refuses a day the month has not', () => {
    expect(dateOf('29', 'Chwefror', '2024')).toBe('2024-02-29');
    expect(dateOf('1', 'medi', '2026')).toBe('2026-09-01');
    expect(dateOf('25', 'Rhag', '2025')).toBe('2025-12-25');
    expect(dateOf('31', 'Mehefin', '2026')).toBe('Dyddiad y casgliad a fethwyd must be a real date');
    expect(dateOf('3', 'Gwener', '2026')).toBe('Dyddiad y casgliad a fethwyd must be a real date');
  });
});
