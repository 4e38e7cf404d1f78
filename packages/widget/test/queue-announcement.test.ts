import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../src/app/i18n.ts';
import { queuePlace, usualWaitText } from '../src/app/format.ts';
import { announcementDelay, quietMs } from '../src/app/queue-announcement.ts';

// The widget's texts in English, as a resident on an English page reads them.
beforeAll(() => chooseLanguage('en'));

describe('what a waiting resident reads and hears (issue 11)', () => {
  it('gives their place as a number, and the usual wait only as a round figure', () => {
    expect(queuePlace(2)).toBe('You are number 2 in the queue.');
    expect(usualWaitText(5)).toBe('It usually takes about 5 minutes for an adviser to answer.');
    expect(usualWaitText(1)).toBe('It usually takes about 1 minute for an adviser to answer.');
    expect(usualWaitText(60)).toBe('It usually takes an hour or more for an adviser to answer.');
    expect(usualWaitText(null)).toBeNull();
  });

  it('announces a new place at once when nothing was said lately', () => {
    expect(announcementDelay({ position: 0, at: -quietMs }, 3, 0)).toBe(0);
    expect(announcementDelay({ position: 3, at: 0 }, 2, quietMs + 1)).toBe(0);
  });

  it('keeps quiet about an unchanged place, or when not waiting', () => {
    expect(announcementDelay({ position: 2, at: 0 }, 2, 100_000)).toBeNull();
    expect(announcementDelay({ position: 2, at: 0 }, null, 100_000)).toBeNull();
  });

  it('holds a place that moves quickly until the quiet time is over', () => {
    expect(announcementDelay({ position: 3, at: 1_000 }, 2, 11_000)).toBe(quietMs - 10_000);
  });
});
