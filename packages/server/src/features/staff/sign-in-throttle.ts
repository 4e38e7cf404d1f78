import { AppError } from '../../shared/app-error.ts';
import { rateLimitedError, type Counter, type RateLimiter } from '../limits/rate-limiter.ts';
import { signInWaitSeconds } from './sign-in-throttle.rules.ts';

/**
 * Throttles signing in by account and by address (ADR 20): failures are counted for both, each
 * further attempt waits longer (sign-in-throttle.rules.ts), and at the limit both are locked for
 * the rest of the window. The account is the normalised email address as typed, whether or not
 * anyone has it, so the answers are the same for unknown and known addresses; it is stored only
 * as a keyed digest. Shared across nodes through the limiter's store (Redis or PostgreSQL).
 */
export type SignInThrottle = {
  /**
   * Runs `attempt` unless the account or the address must wait; counts it if it fails to sign in
   * (a wrong password, or a wrong two-step code: `WrongCodeError`). A success starts the account's
   * count again unless `clears` says otherwise (a password accepted with a code still to come).
   */
  attempt: <T>(
    input: { email: string; address: string },
    attempt: () => Promise<T>,
    options?: { clears?: (result: T) => boolean },
  ) => Promise<T>;
};

/**
 * A wrong two-step code typed while signed in (setting up, new recovery codes, turning off): a 400
 * for the form, counted like a failed sign-in so a session cannot be used to guess codes.
 */
export class WrongCodeError extends AppError {
  constructor(message: string) {
    super('bad_request', message);
  }
}

const countsAsFailure = (error: unknown) =>
  error instanceof WrongCodeError || (error instanceof AppError && error.code === 'unauthenticated');

export function createSignInThrottle(limiter: RateLimiter): SignInThrottle {
  if (!limiter.enabled) return { attempt: (_input, attempt) => attempt() };
  const limit = limiter.limitOf('sign-in-failures');
  const policy = { lockAfter: limit.points, windowSeconds: limit.seconds };
  const counter: Counter = limiter.counter('sign-in', limit);
  const keysOf = ({ email, address }: { email: string; address: string }) => [
    `account:${email.trim().toLowerCase()}`,
    `address:${address}`,
  ];

  return {
    attempt: async (input, attempt, options) => {
      const keys = keysOf(input);
      const waits = await Promise.all(keys.map((key) => counter.blockedFor(key)));
      const wait = Math.max(...waits);
      if (wait > 0) throw rateLimitedError('sign-in-failures', wait);
      try {
        const result = await attempt();
        // The account's count starts again; the address's does not.
        if (options?.clears?.(result) ?? true) await counter.clear(keys[0]!);
        return result;
      } catch (error) {
        if (countsAsFailure(error)) {
          await Promise.all(
            keys.map(async (key) => counter.block(key, signInWaitSeconds(await counter.add(key), policy))),
          );
        }
        throw error;
      }
    },
  };
}
