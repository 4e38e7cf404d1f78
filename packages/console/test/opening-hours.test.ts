import { describe, expect, it } from 'vitest';
import {
  typedTime,
  validateOpeningException,
  type ExceptionAnswers,
} from '../src/features/opening-hours/validate-opening-exception.ts';
import { describeDates, describeHours } from '../src/features/opening-hours/opening-hours-wording.ts';

// Tuesday 8 December 2026, mid-morning in London.
const now = new Date('2026-12-08T10:00:00Z');
const blankDate = { day: '', month: '', year: '' };
const closure: ExceptionAnswers = {
  kind: 'closure',
  from: { day: '24', month: '12', year: '2026' },
  to: { day: '2', month: 'Jan', year: '2027' },
  opens: '',
  closes: '',
  departments: ['housing'],
  reason: ' Christmas shutdown ',
};

describe('adding a closure or special hours', () => {
  it('sends a closure from the first date to the last, for the departments ticked', () => {
    expect(validateOpeningException(closure, now).body).toEqual({
      kind: 'closure',
      from: '2026-12-24',
      to: '2027-01-02',
      openings: [],
      reason: 'Christmas shutdown',
      departments: ['housing'],
    });
  });

  it('takes an empty last date as the first, and times as people type them for special hours', () => {
    const special = { ...closure, kind: 'special-hours' as const, to: blankDate, opens: '9.00', closes: '12:30' };
    expect(validateOpeningException(special, now).body).toMatchObject({
      from: '2026-12-24',
      to: '2026-12-24',
      openings: [['09:00', '12:30']],
    });
    expect(typedTime('24:00')).toBe('24:00');
    expect(typedTime('24:30')).toBeNull();
    expect(typedTime('9am')).toBeNull();
  });

  it('says what is missing or wrong beside each field', () => {
    const { errors, body } = validateOpeningException(
      { ...closure, kind: '', from: { day: '31', month: '2', year: '2027' }, reason: '' },
      now,
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      kind: 'Select whether they are closed or open for special hours',
      from: 'The first date must be a real date',
      reason: 'Enter the reason',
    });
    expect(validateOpeningException({ ...closure, from: blankDate }, now).errors).toEqual({
      from: 'Enter the first date',
    });
    expect(validateOpeningException({ ...closure, to: { day: '1', month: '12', year: '2026' } }, now).errors).toEqual({
      to: 'The last date must be the same as or after the first date',
    });
    const past = { ...closure, from: { day: '7', month: '12', year: '2026' }, to: blankDate };
    expect(validateOpeningException(past, now).errors).toEqual({
      from: 'The last date must be today or in the future',
    });
    const special = { ...closure, kind: 'special-hours' as const, opens: '12:00', closes: '09:00' };
    expect(validateOpeningException(special, now).errors).toEqual({
      closes: 'The closing time must be after the opening time',
    });
    expect(validateOpeningException({ ...special, opens: '', closes: 'noon' }, now).errors).toEqual({
      opens: 'Enter the opening time',
      closes: 'Enter the closing time as hours and minutes, like 12:30',
    });
  });

  it('describes each one in the list in plain English', () => {
    expect(describeDates({ from: '2026-12-24', to: '2026-12-24' })).toBe('24 December 2026');
    expect(describeDates({ from: '2026-12-24', to: '2027-01-02' })).toBe('24 December 2026 to 2 January 2027');
    expect(describeHours({ kind: 'closure', openings: [] })).toBe('Closed');
    expect(describeHours({ kind: 'special-hours', openings: [['09:00', '12:00']] })).toBe('Open 09:00 to 12:00');
  });
});
