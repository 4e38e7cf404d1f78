import { describe, expect, it } from 'vitest';
import { validateAnswerCorrection } from '../src/features/cases/validate-answer-correction.ts';

describe('correcting a form answer', () => {
  const text = { type: 'text' as const, current: 'gil@exmaple.com' };
  it('asks for a changed answer and a reason', () => {
    expect(validateAnswerCorrection({ value: 'gil@exmaple.com', reason: '' }, text)).toEqual({
      value: 'Change the answer before saving',
      reason: 'Enter the reason for the correction',
    });
    expect(validateAnswerCorrection({ value: 'gil@example.com', reason: 'x'.repeat(501) }, text).reason).toMatch(/500/);
    expect(validateAnswerCorrection({ value: 'gil@example.com', reason: 'Typo' }, text)).toEqual({});
  });
  it('takes a date as year, month and day, and a choice from the list', () => {
    const date = { type: 'date' as const, current: '2026-03-01' };
    expect(validateAnswerCorrection({ value: '1 March', reason: 'Typo' }, date).value).toMatch(/like 2026-03-27/);
    expect(validateAnswerCorrection({ value: '2026-03-02', reason: 'Typo' }, date)).toEqual({});
    expect(validateAnswerCorrection({ value: '', reason: 'Typo' }, { type: 'choice', current: 'yes' }).value).toBe(
      'Choose an answer',
    );
  });
});
