import { residentErrorReasons, type ResidentErrorReason } from '@ward/protocol';
import { createHmac } from 'node:crypto';
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { AppError } from '../../shared/app-error.ts';
import { limitMessage, type Limit, type LimitName, type RateLimitSettings } from '../../shared/rate-limits.rules.ts';

/** Where counts are kept: Redis when several nodes share one (REDIS_URL), else Ward's PostgreSQL (ADR 20). */
export type LimitStore = { kind: 'redis'; client: unknown } | { kind: 'postgres'; pool: pg.Pool };

/** The table migration 0012 creates; every limiter shares it, told apart by its key prefix. */
const table = 'rate_limits';

export type RateLimiter = {
  readonly enabled: boolean;
  /** Counts one for `key`; over the limit it throws `rate_limited` (429, Retry-After) and counts nothing more. */
  consume: (name: LimitName, key: string) => Promise<void>;
  /** Gives back what `consume` took, when the thing it guarded did not happen. */
  refund: (name: LimitName, key: string) => Promise<void>;
  /** Counts one, runs `action`, and gives the count back if `action` fails (a refused request costs nothing). */
  guard: <T>(name: LimitName, key: string, action: () => Promise<T>) => Promise<T>;
  /** A counter of its own on the same store, for throttles that are not a plain limit (sign-in). */
  counter: (prefix: string, limit: Limit) => Counter;
  /** The settings in force (sign-in throttling reads its threshold here). */
  limitOf: (name: LimitName) => Limit;
};

export type Counter = {
  /** Adds one and returns the count in the current window. */
  add: (key: string) => Promise<number>;
  /** Seconds until `key` may go on, 0 if it may now. */
  blockedFor: (key: string) => Promise<number>;
  /** Makes `key` wait `seconds`. */
  block: (key: string, seconds: number) => Promise<void>;
  clear: (key: string) => Promise<void>;
};

export function rateLimitedError(name: LimitName, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  // The residents' limits are named, so the widget can say them in Welsh (ADR 50).
  const reason = (residentErrorReasons as readonly string[]).includes(name) ? (name as ResidentErrorReason) : undefined;
  return new AppError('rate_limited', limitMessage(name, seconds), { retryAfterSeconds: seconds, reason });
}

/**
 * Builds the limiters. Keys are keyed digests (HMAC-SHA-256 with `keySecret`), so neither
 * addresses nor email addresses are ever stored with the counts. If the store fails, an in-memory
 * limiter on this node takes over (the library's insurance), so a Redis or database hiccup never
 * opens the doors wide nor turns every request into an error.
 */
export function createRateLimiter(settings: RateLimitSettings, store: LimitStore, keySecret: Buffer): RateLimiter {
  // A key of its own, derived from the secret, so these digests never equal a search index's.
  const secret = createHmac('sha256', keySecret).update('ward rate-limit keys').digest();
  const digest = (key: string) => createHmac('sha256', secret).update(key).digest('base64url').slice(0, 32);
  let cleaner = true; // one limiter sweeps expired PostgreSQL rows for all of them
  // Each statement on a connection of its own from Ward's pool, promise-style (Ward's pool clients
  // name their prepared statements and take no callbacks, which `pool.query` would pass).
  const pooled =
    store.kind === 'postgres'
      ? {
          query: async (statement: pg.QueryConfig) => {
            const client = await store.pool.connect();
            try {
              return await client.query(statement);
            } finally {
              client.release();
            }
          },
        }
      : null;
  const make = (keyPrefix: string, limit: Limit): RateLimiterAbstract => {
    const options = { keyPrefix: `ward-${keyPrefix}`, points: limit.points, duration: limit.seconds };
    const insuranceLimiter = new RateLimiterMemory(options);
    if (store.kind === 'redis')
      return new RateLimiterRedis({ ...options, storeClient: store.client, useRedisPackage: true, insuranceLimiter });
    const limiter = new RateLimiterPostgres({
      ...options,
      storeClient: pooled,
      storeType: 'client',
      tableName: table,
      tableCreated: true,
      clearExpiredByTimeout: cleaner,
      insuranceLimiter,
    });
    cleaner = false;
    return limiter;
  };

  const settingsOf = (name: LimitName): Limit =>
    settings.enabled ? settings.limits[name] : { points: Number.MAX_SAFE_INTEGER, seconds: 1 };
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  const limiterOf = (name: LimitName) => {
    let limiter = limiters.get(name);
    if (!limiter) limiters.set(name, (limiter = make(name, settingsOf(name))));
    return limiter;
  };

  const limiter: RateLimiter = {
    enabled: settings.enabled,
    limitOf: settingsOf,
    guard: async (name, key, action) => {
      await limiter.consume(name, key);
      try {
        return await action();
      } catch (error) {
        await limiter.refund(name, key).catch(() => undefined);
        throw error;
      }
    },
    consume: async (name, key) => {
      if (!settings.enabled) return;
      try {
        await limiterOf(name).consume(digest(key));
      } catch (refused) {
        if (refused instanceof RateLimiterRes) throw rateLimitedError(name, refused.msBeforeNext / 1000);
        throw refused;
      }
    },
    refund: async (name, key) => {
      if (!settings.enabled) return;
      await limiterOf(name).reward(digest(key));
    },
    counter: (prefix, limit) => {
      const counts = make(`${prefix}-count`, limit);
      // One point: blocked means "wait"; `block` sets how long.
      const waits = make(`${prefix}-wait`, { points: 1, seconds: limit.seconds });
      return {
        add: async (key) => {
          try {
            return (await counts.penalty(digest(key))).consumedPoints;
          } catch (refused) {
            if (refused instanceof RateLimiterRes) return refused.consumedPoints;
            throw refused;
          }
        },
        blockedFor: async (key) => {
          const state = await waits.get(digest(key));
          return state && state.consumedPoints > 1 ? Math.max(0, state.msBeforeNext / 1000) : 0;
        },
        block: async (key, seconds) => {
          if (seconds > 0) await waits.block(digest(key), Math.ceil(seconds));
        },
        clear: async (key) => {
          await Promise.all([counts.delete(digest(key)), waits.delete(digest(key))]);
        },
      };
    },
  };
  return limiter;
}
