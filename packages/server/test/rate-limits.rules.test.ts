import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultLimits, limitMessage, parseRateLimits, waitInWords } from '../src/shared/rate-limits.rules.ts';
import { signInWaitSeconds } from '../src/features/staff/sign-in-throttle.rules.ts';

describe('WARD_RATE_LIMITS', () => {
  it('is on with the defaults unless set; off turns every limit off', () => {
    expect(parseRateLimits(undefined)).toEqual({ enabled: true, limits: defaultLimits });
    expect(parseRateLimits('off')).toEqual({ enabled: false });
    expect(defaultLimits['chat-starts']).toEqual({ points: 5, seconds: 600 });
    expect(defaultLimits['visitor-messages-per-second']).toEqual({ points: 10, seconds: 1 });
    expect(defaultLimits['visitor-messages-per-minute']).toEqual({ points: 60, seconds: 60 });
    expect(defaultLimits['transcript-emails'].points).toBe(2);
    expect(defaultLimits['sign-in-failures']).toEqual({ points: 10, seconds: 900 });
  });

  it('overrides only the limits it names', () => {
    const parsed = parseRateLimits('chat-starts=20/1h, form-submissions=3/30s');
    expect(parsed).toEqual({
      enabled: true,
      limits: {
        ...defaultLimits,
        'chat-starts': { points: 20, seconds: 3600 },
        'form-submissions': { points: 3, seconds: 30 },
      },
    });
  });

  it('says what is wrong with a bad value', () => {
    expect(parseRateLimits('chats=5/10m')).toEqual({
      error: expect.stringMatching(/^"chats" is not a limit; the limits are chat-starts, /),
    });
    expect(parseRateLimits('chat-starts=5')).toEqual({
      error: expect.stringMatching(/should look like chat-starts=5\/10m/),
    });
    expect(parseRateLimits('chat-starts=0/10m')).toEqual({ error: expect.stringMatching(/at least 1/) });
    expect(parseRateLimits('chat-starts=5/91d')).toEqual({ error: expect.stringMatching(/to 90d/) });
  });
});

describe('sign-in back-off', () => {
  const policy = { lockAfter: 10, windowSeconds: 900 };
  it('is free for two failures, then doubles from 1 second to at most a minute, then locks for the window', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => signInWaitSeconds(n, policy))).toEqual([
      0, 0, 1, 2, 4, 8, 16, 32, 60, 900, 900,
    ]);
  });
  it('never shrinks as failures grow, and never exceeds the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 50 }), (failures, lockAfter) => {
        const p = { lockAfter, windowSeconds: 900 };
        const now = signInWaitSeconds(failures, p);
        return now <= signInWaitSeconds(failures + 1, p) && now <= 900 && now >= 0;
      }),
    );
  });
});

describe('what people are told', () => {
  it('gives the wait in words, rounded up', () => {
    expect(waitInWords(0.2)).toBe('1 second');
    expect(waitInWords(59)).toBe('59 seconds');
    expect(waitInWords(61)).toBe('2 minutes');
    expect(waitInWords(900)).toBe('15 minutes');
    expect(waitInWords(3 * 3600)).toBe('3 hours');
    expect(limitMessage('chat-starts', 600)).toBe(
      'Too many chats have been started from your connection. Try again in 10 minutes.',
    );
  });
});
