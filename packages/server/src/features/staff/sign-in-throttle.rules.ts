/**
 * Sign-in throttling (ADR 20), pure: after a few failed attempts on one account or from one
 * address each further attempt waits longer, doubling, and at the limit (10 in 15 minutes by
 * default) the account or address is locked for the rest of the window. Unknown and known email
 * addresses count alike, so the answer never tells which exist.
 */

/** Failures allowed with no wait at all (a typo or two). */
export const freeFailures = 2;
/** The longest wait between attempts before the lock. */
export const maxBackOffSeconds = 60;

/**
 * How long the next attempt must wait after `failures` failures in the window: nothing for the
 * first two, then 1, 2, 4, … seconds up to a minute, and the whole window once `lockAfter` is reached.
 */
export function signInWaitSeconds(failures: number, policy: { lockAfter: number; windowSeconds: number }): number {
  if (failures >= policy.lockAfter) return policy.windowSeconds;
  if (failures <= freeFailures) return 0;
  return Math.min(maxBackOffSeconds, 2 ** (failures - freeFailures - 1));
}
