import { describe, expect, it } from 'vitest';
import { waitingTimeText } from '../src/features/chats/waiting-time.ts';
import { formatDate, formatDateTime, formatTime } from '../src/ui/format.ts';

const since = '2025-06-03T13:00:00.000Z';
const after = (minutes: number, seconds = 0) => Date.parse(since) + minutes * 60_000 + seconds * 1000;

describe('waitingTimeText', () => {
  it.each([
    [0, 0, 'less than a minute'],
    [0, 59, 'less than a minute'],
    [1, 0, '1 minute'],
    [3, 10, '3 minutes'],
    [59, 59, '59 minutes'],
    [60, 0, '1 hour'],
    [61, 0, '1 hour 1 minute'],
    [65, 0, '1 hour 5 minutes'],
    [120, 0, '2 hours'],
    [125, 0, '2 hours 5 minutes'],
  ])('%i min %i s → %s', (minutes, seconds, text) => {
    expect(waitingTimeText(since, after(minutes, seconds))).toBe(text);
  });

  it('treats a clock behind the server as no wait, and nonsense as no wait', () => {
    expect(waitingTimeText(since, after(-2))).toBe('less than a minute');
    expect(waitingTimeText('not a date', after(5))).toBe('less than a minute');
  });
});

describe('dates and times in UK time, GOV.UK style', () => {
  it('formats British Summer Time', () => {
    expect(formatTime('2025-06-03T13:05:00.000Z')).toBe('2:05pm');
    expect(formatDate('2025-06-03T13:05:00.000Z')).toBe('3 June 2025');
    expect(formatDateTime('2025-06-03T08:30:00.000Z')).toBe('3 June 2025 at 9:30am');
  });

  it('says midday and midnight', () => {
    expect(formatTime('2025-01-10T12:00:00.000Z')).toBe('midday');
    expect(formatTime('2025-01-10T00:00:00.000Z')).toBe('midnight');
  });
});
