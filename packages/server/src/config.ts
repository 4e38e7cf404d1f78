import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OrganisationSettings, defaultOrganisation } from './features/organisations/organisation-settings.ts';

/**
 * The one place Ward reads its configuration. Everything comes from environment variables
 * (and the optional organisation file they point to), is validated here at start, and is then
 * passed down as a plain object: no other module reads `process.env`.
 */
export type Config = {
  host: string;
  port: number;
  /** The origin residents and staff reach Ward at, used in links and the Socket.IO Origin check. */
  publicUrl: string;
  dataDir: string;
  /** When unset Ward starts an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  redisUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The organisation this deployment serves (multi-council hosting comes later). */
  organisation: { slug: string; name: string; settings: OrganisationSettings };
  /** Whether `/` serves the demo council page. */
  demoPage: boolean;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Key-encryption keys (`id:base64,…`, newest first), or a file holding them; neither: one is made in dataDir. */
  kek: string | null;
  kekFile: string | null;
  /** The blind-index key (32 bytes), or a file holding it in base64; neither: one is made in dataDir. Separate from the KEKs. */
  indexKey: Buffer | null;
  indexKeyFile: string | null;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WARD_PUBLIC_URL: z.url().optional(),
  WARD_DATA_DIR: z.string().min(1).default('.ward-data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  WARD_MAIL_FROM: z.string().min(3).default('Ward <no-reply@localhost>'),
  WARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WARD_ORGANISATION_FILE: z.string().min(1).optional(),
  WARD_DEMO_PAGE: booleanFlag.default(true),
  WARD_TRUST_PROXY: booleanFlag.default(false),
  WARD_KEK: z.string().min(10).optional(),
  WARD_KEK_FILE: z.string().min(1).optional(),
  WARD_INDEX_KEY: z
    .string()
    .trim()
    .refine((k) => /^[A-Za-z0-9+/]+={0,2}$/.test(k) && Buffer.from(k, 'base64').length === 32, 'must be 32 bytes, base64 (openssl rand -base64 32)')
    .optional(),
  WARD_INDEX_KEY_FILE: z.string().min(1).optional(),
});

const OrganisationFile = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits or dashes'),
  name: z.string().min(1).max(200),
  settings: OrganisationSettings,
});

function describeIssues(prefix: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`).join('\n');
}

export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) throw new ConfigError(`Configuration is not valid:\n${describeIssues('', parsed.error.issues)}`);
  const e = parsed.data;

  let organisation = defaultOrganisation;
  if (e.WARD_ORGANISATION_FILE) {
    const file = path.resolve(cwd, e.WARD_ORGANISATION_FILE);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`WARD_ORGANISATION_FILE: cannot read ${file} as JSON (${(error as Error).message})`);
    }
    const org = OrganisationFile.safeParse(raw);
    if (!org.success) throw new ConfigError(`WARD_ORGANISATION_FILE ${file} is not valid:\n${describeIssues('  ', org.error.issues)}`);
    organisation = org.data;
  }

  const publicUrl = (e.WARD_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, '');
  return {
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: path.resolve(cwd, e.WARD_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.WARD_MAIL_FROM,
    logLevel: e.WARD_LOG_LEVEL,
    organisation,
    demoPage: e.WARD_DEMO_PAGE,
    trustProxy: e.WARD_TRUST_PROXY,
    kek: e.WARD_KEK ?? null,
    kekFile: e.WARD_KEK_FILE ? path.resolve(cwd, e.WARD_KEK_FILE) : null,
    indexKey: e.WARD_INDEX_KEY ? Buffer.from(e.WARD_INDEX_KEY, 'base64') : null,
    indexKeyFile: e.WARD_INDEX_KEY_FILE ? path.resolve(cwd, e.WARD_INDEX_KEY_FILE) : null,
  };
}
