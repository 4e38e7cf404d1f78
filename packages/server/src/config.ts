import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from './shared/config-error.ts';
import { OrganisationSettings, defaultOrganisation } from './shared/organisation-settings.ts';
import { parseRateLimits, type RateLimitSettings } from './shared/rate-limits.rules.ts';
import { addressRanges, booleanFlag, describeIssues } from './config-fields.ts';
import { mailIntakeConfig, mailIntakeEnv, type MailIntakeConfig } from './config-mail-intake.ts';
import { singleSignOnConfig, singleSignOnEnv, type SingleSignOnConfig } from './config-single-sign-on.ts';

export type { GroupGrant, SingleSignOnConfig } from './config-single-sign-on.ts';
export type { MailIntakeConfig } from './config-mail-intake.ts';

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
  /**
   * The role Ward serves through (ADR 12: SELECT and INSERT only on the audit trail), when the IT
   * team creates it; unset, Ward creates `<database>_app` itself if DATABASE_URL's role may create roles.
   */
  appDatabaseUrl: string | null;
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
  /**
   * The blind-index key (32 bytes), or a file holding it in base64; neither: one is made in dataDir. Separate from the
   * KEKs.
   */
  indexKey: Buffer | null;
  indexKeyFile: string | null;
  /**
   * The audit key (ADR 26, 32 bytes): keys the audit trail's chain and signs its checkpoints. Or a
   * file holding it in base64; neither: one is made in dataDir. Kept apart from the database.
   */
  auditKey: Buffer | null;
  auditKeyFile: string | null;
  /** Where signed audit checkpoints are written (default `<dataDir>/audit-checkpoints`). */
  auditCheckpointDir: string;
  /**
   * Where each erasure's ledger entry is also written (ADR 35; default `<dataDir>/erasure-ledger`): kept
   * apart from backups, so `ward rights replay-erasures` can erase again what a restored backup brought back.
   */
  erasureLedgerDir: string;
  /** When the checkpoint job runs (cron, Europe/London); null: only on demand (`ward audit checkpoint`). */
  auditCheckpointSchedule: string | null;
  /** Email intake (ADR 17): the SMTP listener and/or IMAP poller; null when neither is configured. */
  mailIntake: MailIntakeConfig | null;
  /** A staff session ends after this many minutes without use (and after 12 hours in any case). */
  sessionIdleMinutes: number;
  /** `/metrics` (Prometheus): for a bearer token, and from these addresses or CIDR ranges (default: this machine). */
  metrics: { token: string | null; allowedIps: string[] };
  /** WARD_RATE_LIMITS (ADR 20): the limits on the public doors and sign-in throttling, or off (load tests only). */
  rateLimits: RateLimitSettings;
  /** How long a resident's visitor token keeps working after their chat ends (survey, transcript, opt-ins). */
  visitorTokenGraceSeconds: number;
  /**
   * A waiting chat ends when its resident has been gone this many minutes (WARD_ABANDONED_CHAT_MINUTES)
   * or has waited this long (WARD_QUEUE_MAX_WAIT_MINUTES); an active one tells its agent instead.
   */
  /** WARD_CONNECTION_QUEUE_LIMIT (ADR 52): queued database requests past which residents reconnect later. */
  connectionQueueLimit: number;
  abandonedChats: { leftMinutes: number; maxWaitMinutes: number };
  /**
   * A live chat where nobody has written this many minutes, with the resident owing the reply, closes
   * (WARD_CHAT_INACTIVE_MINUTES); the resident is warned two minutes before and can stay (ADR 43).
   */
  chatInactivity: { inactiveMinutes: number };
  /** An available or busy agent with no console activity this many minutes becomes away (WARD_AGENT_AWAY_MINUTES). */
  agentAwayMinutes: number;
  /**
   * WARD_MFA_REQUIRED (ADR 22): whose accounts need two-step sign-in. `none` is for test set-ups
   * only (Ward warns at start).
   */
  mfaRequired: 'admins-and-privacy-officers' | 'all' | 'none';
  /**
   * Webhooks (ADR 24): networks (CIDR) a webhook may reach although they are private, loopback or
   * otherwise internal; empty: only public addresses.
   */
  webhookAllowedNetworks: string[];
  /** Single sign-on with the council's identity provider (OpenID Connect, ADR 23); null when not configured. */
  singleSignOn: SingleSignOnConfig | null;
  /** Whether staff may sign in with a password (WARD_OIDC_PASSWORD_SIGN_IN=off turns it off, with SSO only). */
  passwordSignIn: boolean;
  /**
   * A rights request's export pack (ADR 34): it and the link emailed to the resident work for
   * WARD_EXPORT_LINK_DAYS days and WARD_EXPORT_LINK_DOWNLOADS downloads by link.
   */
  exportLinks: { days: number; downloads: number };
};

export { ConfigError };

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WARD_PUBLIC_URL: z.url().optional(),
  WARD_DATA_DIR: z.string().min(1).default('.ward-data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  WARD_APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  WARD_MAIL_FROM: z.string().min(3).default('Ward <no-reply@localhost>'),
  WARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WARD_ORGANISATION_FILE: z.string().min(1).optional(),
  WARD_DEMO_PAGE: booleanFlag.default(true),
  WARD_TRUST_PROXY: booleanFlag.default(false),
  WARD_LOCATION: z
    .enum(['off', 'country', 'region', 'town'], 'must be off, country, region or town (the default)')
    .optional(),
  WARD_KEK: z.string().min(10).optional(),
  WARD_KEK_FILE: z.string().min(1).optional(),
  WARD_INDEX_KEY: z
    .string()
    .trim()
    .refine(
      (k) => /^[A-Za-z0-9+/]+={0,2}$/.test(k) && Buffer.from(k, 'base64').length === 32,
      'must be 32 bytes, base64 (openssl rand -base64 32)',
    )
    .optional(),
  WARD_INDEX_KEY_FILE: z.string().min(1).optional(),
  WARD_AUDIT_KEY: z
    .string()
    .trim()
    .refine(
      (k) => /^[A-Za-z0-9+/]+={0,2}$/.test(k) && Buffer.from(k, 'base64').length === 32,
      'must be 32 bytes, base64 (openssl rand -base64 32)',
    )
    .optional(),
  WARD_AUDIT_KEY_FILE: z.string().min(1).optional(),
  WARD_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  WARD_ERASURE_LEDGER_DIR: z.string().min(1).optional(),
  WARD_AUDIT_CHECKPOINT_SCHEDULE: z
    .string()
    .trim()
    .refine(
      (v) => v === 'off' || /^(\S+\s+){4}\S+$/.test(v),
      'must be a cron expression of five fields (such as "0 * * * *", every hour) or off',
    )
    .default('0 * * * *'),
  WARD_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int('must be a whole number of minutes')
    .min(5, 'must be at least 5 minutes')
    .max(720, 'must be at most 720 minutes (12 hours)')
    .default(30),
  WARD_METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters (openssl rand -base64 24)').optional(),
  WARD_METRICS_ALLOWED_IPS: addressRanges(true).default(['127.0.0.1', '::1']),
  WARD_EXPORT_LINK_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(30, 'must be at most 30')
    .default(7),
  WARD_EXPORT_LINK_DOWNLOADS: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(20, 'must be at most 20')
    .default(3),
  WARD_VISITOR_TOKEN_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(30),
  WARD_CONNECTION_QUEUE_LIMIT: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .default(200),
  WARD_ABANDONED_CHAT_MINUTES: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(5),
  WARD_CHAT_INACTIVE_MINUTES: z.coerce
    .number()
    .int()
    .min(5, 'must be at least 5 (the warning comes 2 minutes before)')
    .max(1440, 'must be at most 1440 (a day)')
    .default(20),
  WARD_AGENT_AWAY_MINUTES: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(10),
  WARD_QUEUE_MAX_WAIT_MINUTES: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(60),
  WARD_WEBHOOK_ALLOWED_NETWORKS: addressRanges(false)
    .refine(
      (list) =>
        list.every((entry) => {
          const [address = '', prefix] = entry.split('/');
          return prefix === undefined || Number(prefix) <= (isIP(address) === 4 ? 32 : 128);
        }),
      'a CIDR prefix must be at most /32 for IPv4 and /128 for IPv6',
    )
    .default([]),
  WARD_MFA_REQUIRED: z
    .enum(
      ['admins-and-privacy-officers', 'all', 'none'],
      'must be admins-and-privacy-officers (the default), all, or none (test set-ups only)',
    )
    .default('admins-and-privacy-officers'),
  WARD_RATE_LIMITS: z
    .string()
    .transform((value, context) => {
      const parsed = parseRateLimits(value);
      if ('error' in parsed) {
        context.addIssue({ code: 'custom', message: `${parsed.error} (or off)` });
        return z.NEVER;
      }
      return parsed;
    })
    .optional(),
  ...mailIntakeEnv,
  ...singleSignOnEnv,
});

const OrganisationFile = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits or dashes'),
  name: z.string().min(1).max(200),
  settings: OrganisationSettings,
});

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
    if (!org.success)
      throw new ConfigError(`WARD_ORGANISATION_FILE ${file} is not valid:\n${describeIssues('  ', org.error.issues)}`);
    organisation = org.data;
  }
  if (e.WARD_LOCATION) {
    const capture = { ...organisation.settings.capture, location: e.WARD_LOCATION };
    organisation = { ...organisation, settings: { ...organisation.settings, capture } };
  }

  if (e.WARD_APP_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'WARD_APP_DATABASE_URL is set without DATABASE_URL: set DATABASE_URL to the role that owns the tables (Ward migrates as it), or neither (embedded PostgreSQL)',
    );
  }

  const publicUrl = (e.WARD_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
    /\/$/,
    '',
  );
  return {
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: path.resolve(cwd, e.WARD_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    appDatabaseUrl: e.WARD_APP_DATABASE_URL ?? null,
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
    auditKey: e.WARD_AUDIT_KEY ? Buffer.from(e.WARD_AUDIT_KEY, 'base64') : null,
    auditKeyFile: e.WARD_AUDIT_KEY_FILE ? path.resolve(cwd, e.WARD_AUDIT_KEY_FILE) : null,
    auditCheckpointDir: path.resolve(
      cwd,
      e.WARD_AUDIT_CHECKPOINT_DIR ?? path.join(e.WARD_DATA_DIR, 'audit-checkpoints'),
    ),
    erasureLedgerDir: path.resolve(cwd, e.WARD_ERASURE_LEDGER_DIR ?? path.join(e.WARD_DATA_DIR, 'erasure-ledger')),
    auditCheckpointSchedule: e.WARD_AUDIT_CHECKPOINT_SCHEDULE === 'off' ? null : e.WARD_AUDIT_CHECKPOINT_SCHEDULE,
    sessionIdleMinutes: e.WARD_SESSION_IDLE_MINUTES,
    metrics: { token: e.WARD_METRICS_TOKEN ?? null, allowedIps: e.WARD_METRICS_ALLOWED_IPS },
    mailIntake: mailIntakeConfig(e, e.HOST, cwd),
    rateLimits: e.WARD_RATE_LIMITS ?? (parseRateLimits(undefined) as RateLimitSettings),
    visitorTokenGraceSeconds: e.WARD_VISITOR_TOKEN_GRACE_MINUTES * 60,
    connectionQueueLimit: e.WARD_CONNECTION_QUEUE_LIMIT,
    abandonedChats: { leftMinutes: e.WARD_ABANDONED_CHAT_MINUTES, maxWaitMinutes: e.WARD_QUEUE_MAX_WAIT_MINUTES },
    chatInactivity: { inactiveMinutes: e.WARD_CHAT_INACTIVE_MINUTES },
    agentAwayMinutes: e.WARD_AGENT_AWAY_MINUTES,
    webhookAllowedNetworks: e.WARD_WEBHOOK_ALLOWED_NETWORKS,
    singleSignOn: singleSignOnConfig(e, publicUrl, organisation.settings),
    passwordSignIn: e.WARD_OIDC_PASSWORD_SIGN_IN !== 'off',
    mfaRequired: e.WARD_MFA_REQUIRED,
    exportLinks: { days: e.WARD_EXPORT_LINK_DAYS, downloads: e.WARD_EXPORT_LINK_DOWNLOADS },
  };
}
