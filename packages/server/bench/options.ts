/** The bench's settings, from environment variables (all optional). */
export type BenchOptions = {
  pairs: number;
  warmupMs: number;
  durationMs: number;
  alternate: boolean;
  messageTimeoutMs: number;
  /** A PostgreSQL server to use instead of the embedded one (a fresh database is created in it). */
  databaseUrl: string | undefined;
  /** Run the retention-purge scenario (BENCH_PURGE, default true). */
  purge: boolean;
  /** Expired messages the purge scenario inserts and deletes (BENCH_PURGE_MESSAGES). */
  purgeMessages: number;
  /** Aborted on Ctrl-C: the load stops at once and everything is cleaned up. */
  signal: AbortSignal;
};

export class OptionsError extends Error {
  override name = 'OptionsError';
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new OptionsError(`${name} must be a whole number from ${min} to ${max} (got ${raw})`);
  return value;
}

export function readOptions(env: Record<string, string | undefined>, signal: AbortSignal): BenchOptions {
  const alternate = env.BENCH_ALTERNATE ?? 'true';
  if (!['true', 'false', '1', '0'].includes(alternate)) throw new OptionsError('BENCH_ALTERNATE must be true or false');
  const purge = env.BENCH_PURGE ?? 'true';
  if (!['true', 'false', '1', '0'].includes(purge)) throw new OptionsError('BENCH_PURGE must be true or false');
  const databaseUrl = env.WARD_BENCH_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new OptionsError('WARD_BENCH_DATABASE_URL must start with postgres:// or postgresql://');
  return {
    pairs: integer(env, 'BENCH_PAIRS', 50, 1, 1000),
    warmupMs: integer(env, 'BENCH_WARMUP_SECONDS', 2, 0, 60) * 1000,
    durationMs: integer(env, 'BENCH_SECONDS', 10, 1, 600) * 1000,
    alternate: alternate === 'true' || alternate === '1',
    messageTimeoutMs: 10_000,
    databaseUrl,
    purge: purge === 'true' || purge === '1',
    purgeMessages: integer(env, 'BENCH_PURGE_MESSAGES', 1_000_000, 1000, 20_000_000),
    signal,
  };
}
