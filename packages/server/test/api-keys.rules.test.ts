import { describe, expect, it } from 'vitest';
import { expiryOf, keyAllows, keyIsLive, shouldMarkUse } from '../src/features/api-keys/api-keys.rules.ts';

const now = new Date('2026-12-04T12:00:00Z');
const key = (overrides: Partial<{ revokedAt: Date | null; expiresAt: Date | null }> = {}) => ({
  scopes: ['intake'],
  revokedAt: null,
  expiresAt: null,
  ...overrides,
});

describe('whether an API key still works', () => {
  it('works until revoked when it has no expiry, and until the instant of its expiry otherwise', () => {
    expect(keyIsLive(key(), now)).toBe(true);
    expect(keyIsLive(key({ revokedAt: now }), now)).toBe(false);
    expect(keyIsLive(key({ expiresAt: new Date(now.getTime() + 1) }), now)).toBe(true);
    expect(keyIsLive(key({ expiresAt: now }), now)).toBe(false);
    expect(keyAllows(key({ expiresAt: new Date(now.getTime() - 1) }), 'intake', now)).toBe(false);
    expect(keyAllows(key(), 'intake', now)).toBe(true);
  });

  it('expires the chosen number of days after it is made, or never', () => {
    expect(expiryOf(now, 30)?.toISOString()).toBe('2027-01-03T12:00:00.000Z');
    expect(expiryOf(now, null)).toBeNull();
  });

  it('writes its last use at most once a minute', () => {
    expect(shouldMarkUse(null, now)).toBe(true);
    expect(shouldMarkUse(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(shouldMarkUse(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
