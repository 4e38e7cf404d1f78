/**
 * When a failed delivery is tried again (ADR 24): 8 attempts in all, the waits growing from
 * 30 seconds to 4 hours (about 7¾ hours from the first attempt to the last), each moved by up to a
 * tenth either way so that many deliveries failing together do not all return at once.
 */
export const maxAttempts = 8;
const waitsSeconds = [30, 120, 600, 1800, 3600, 7200, 14_400] as const;

/**
 * The time of the next attempt after attempt `attempt` (1-based) failed at `now`; null when that
 * was the last. `jitter` is in [0, 1) (Math.random in production).
 */
export function nextAttemptAt(attempt: number, now: Date, jitter: number): Date | null {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt >= maxAttempts) return null;
  const wait = waitsSeconds[Math.min(attempt, waitsSeconds.length) - 1] ?? 0;
  const factor = 0.9 + 0.2 * Math.min(Math.max(jitter, 0), 0.999_999);
  return new Date(now.getTime() + Math.round(wait * factor * 1000));
}

/** Deliveries, with their outcomes, are kept this long and then deleted (by the webhook sweep). */
export const deliveryRetentionDays = 30;
