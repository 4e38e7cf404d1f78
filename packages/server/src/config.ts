import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import { DepartmentId, StaffRole } from '@ward/protocol';
import { ConfigError } from './shared/config-error.ts';
import { OrganisationSettings, defaultOrganisation } from './shared/organisation-settings.ts';
import { parseRateLimits, type RateLimitSettings } from './shared/rate-limits.rules.ts';

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
  abandonedChats: { leftMinutes: number; maxWaitMinutes: number };
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
};

/** What a group in the identity provider's `groups` claim gives: a role and departments (empty: every one). */
export type GroupGrant = { role: StaffRole; departments: string[] };

export type SingleSignOnConfig = {
  /** The issuer (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `<public URL>/api/auth/oidc/callback`, registered with the identity provider. */
  redirectUri: string;
  /** Group claim value → what it gives (WARD_OIDC_GROUP_MAP). */
  groupMap: Record<string, GroupGrant>;
  /** The sign-in button's text. */
  label: string;
};

export type MailIntakeConfig = {
  /** The addresses Ward accepts mail for (lower-case); the SMTP listener refuses other recipients. */
  addresses: string[];
  maxMessageBytes: number;
  maxAttachmentBytes: number;
  smtp: {
    host: string;
    /** 0 picks a free port (tests). */
    port: number;
    auth: { user: string; password: string } | null;
    /** Addresses or CIDR ranges of the relays allowed to connect; empty: any. */
    allowedIps: string[];
    tls: { keyFile: string; certFile: string } | null;
  } | null;
  imap: { url: string; mailbox: string; pollSeconds: number; processedMailbox: string | null } | null;
};

export { ConfigError };

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const mebibytes = (max: number) =>
  z.coerce
    .number()
    .int()
    .min(1024, 'must be at least 1024 bytes')
    .max(max * 1024 * 1024, `must be at most ${max} MiB`);
const ipOrCidr = (value: string) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(value) && isIP(value.split('/')[0] ?? '') !== 0;
const commaList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
/** Addresses or CIDR ranges separated by commas (`none`: an empty list, where `allowNone`). */
const addressRanges = (allowNone: boolean) =>
  z
    .string()
    .transform((v) => (allowNone && v === 'none' ? [] : commaList(v)))
    .refine(
      (list) => list.every(ipOrCidr),
      `must be IP addresses or CIDR ranges separated by commas, like 10.0.0.0/8${allowNone ? ', or none' : ''}`,
    );

const mailIntakeEnv = {
  WARD_MAIL_INTAKE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WARD_MAIL_INTAKE_HOST: z.string().min(1).optional(),
  WARD_MAIL_INTAKE_ADDRESSES: z
    .string()
    .transform((v) => commaList(v.toLowerCase()))
    .refine(
      (list) => list.length > 0 && list.every((a) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a)),
      'must be email addresses separated by commas',
    )
    .optional(),
  WARD_MAIL_INTAKE_USER: z.string().min(1).optional(),
  WARD_MAIL_INTAKE_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  WARD_MAIL_INTAKE_ALLOWED_IPS: addressRanges(false).optional(),
  WARD_MAIL_INTAKE_TLS_KEY_FILE: z.string().min(1).optional(),
  WARD_MAIL_INTAKE_TLS_CERT_FILE: z.string().min(1).optional(),
  WARD_MAIL_MAX_MESSAGE_BYTES: mebibytes(100).default(25 * 1024 * 1024),
  WARD_MAIL_MAX_ATTACHMENT_BYTES: mebibytes(100).default(10 * 1024 * 1024),
  WARD_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^@/]+@[^/]+/, 'must look like imaps://user:password@host:993')
    .optional(),
  WARD_IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  WARD_IMAP_PROCESSED_MAILBOX: z.string().min(1).optional(),
  WARD_IMAP_POLL_SECONDS: z.coerce
    .number()
    .int()
    .min(10, 'must be at least 10')
    .max(3600, 'must be at most 3600')
    .default(60),
};

const singleSignOnEnv = {
  WARD_OIDC_ISSUER: z
    .url('must be the identity provider’s issuer URL, like https://login.microsoftonline.com/<tenant id>/v2.0')
    .refine((v) => {
      const url = URL.parse(v);
      return !url || url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    }, 'must start with https:// (http:// only for localhost)')
    .refine(
      (v) => !/^\/(common|organizations|consumers)(\/|$)/.test(URL.parse(v)?.pathname ?? ''),
      'must name your own tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not common, organizations or consumers',
    )
    .optional(),
  WARD_OIDC_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
  WARD_OIDC_CLIENT_SECRET: z.string().min(1).max(1000).optional(),
  WARD_OIDC_GROUP_MAP: z.string().optional(),
  WARD_OIDC_LABEL: z.string().trim().min(1).max(80, 'must be at most 80 characters').optional(),
  WARD_OIDC_PASSWORD_SIGN_IN: z.enum(['on', 'off'], 'must be on or off').optional(),
};

const GroupMap = z.record(
  z.string().trim().min(1, 'a group id must not be empty').max(200),
  z.strictObject({
    role: StaffRole,
    departments: z.array(DepartmentId).default([]),
  }),
);

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
  WARD_VISITOR_TOKEN_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(30),
  WARD_ABANDONED_CHAT_MINUTES: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(5),
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
    if (!org.success)
      throw new ConfigError(`WARD_ORGANISATION_FILE ${file} is not valid:\n${describeIssues('  ', org.error.issues)}`);
    organisation = org.data;
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
    auditCheckpointSchedule: e.WARD_AUDIT_CHECKPOINT_SCHEDULE === 'off' ? null : e.WARD_AUDIT_CHECKPOINT_SCHEDULE,
    sessionIdleMinutes: e.WARD_SESSION_IDLE_MINUTES,
    metrics: { token: e.WARD_METRICS_TOKEN ?? null, allowedIps: e.WARD_METRICS_ALLOWED_IPS },
    mailIntake: mailIntakeConfig(e, cwd),
    rateLimits: e.WARD_RATE_LIMITS ?? (parseRateLimits(undefined) as RateLimitSettings),
    visitorTokenGraceSeconds: e.WARD_VISITOR_TOKEN_GRACE_MINUTES * 60,
    abandonedChats: { leftMinutes: e.WARD_ABANDONED_CHAT_MINUTES, maxWaitMinutes: e.WARD_QUEUE_MAX_WAIT_MINUTES },
    webhookAllowedNetworks: e.WARD_WEBHOOK_ALLOWED_NETWORKS,
    singleSignOn: singleSignOnConfig(e, publicUrl, organisation.settings),
    passwordSignIn: e.WARD_OIDC_PASSWORD_SIGN_IN !== 'off',
    mfaRequired: e.WARD_MFA_REQUIRED,
  };
}

/** Single sign-on is on when the issuer, client id and secret are all set; the group map must then fit. */
function singleSignOnConfig(
  e: z.output<typeof EnvSchema>,
  publicUrl: string,
  settings: OrganisationSettings,
): SingleSignOnConfig | null {
  const required = ['WARD_OIDC_ISSUER', 'WARD_OIDC_CLIENT_ID', 'WARD_OIDC_CLIENT_SECRET'] as const;
  const set = required.filter((name) => e[name] !== undefined);
  if (set.length === 0) {
    // WARD_OIDC_PASSWORD_SIGN_IN=on is what Ward does anyway; off without single sign-on would lock everyone out.
    const stray = (['WARD_OIDC_GROUP_MAP', 'WARD_OIDC_LABEL', 'WARD_OIDC_PASSWORD_SIGN_IN'] as const).find(
      (name) => e[name] !== undefined && !(name === 'WARD_OIDC_PASSWORD_SIGN_IN' && e[name] === 'on'),
    );
    if (stray)
      throw new ConfigError(
        `${stray} is set but single sign-on is off: set WARD_OIDC_ISSUER, WARD_OIDC_CLIENT_ID and WARD_OIDC_CLIENT_SECRET`,
      );
    return null;
  }
  if (set.length < required.length) {
    const missing = required.filter((name) => e[name] === undefined);
    throw new ConfigError(
      `${missing.join(' and ')}: set WARD_OIDC_ISSUER, WARD_OIDC_CLIENT_ID and WARD_OIDC_CLIENT_SECRET together, or none of them`,
    );
  }
  return {
    issuer: e.WARD_OIDC_ISSUER!,
    clientId: e.WARD_OIDC_CLIENT_ID!,
    clientSecret: e.WARD_OIDC_CLIENT_SECRET!,
    redirectUri: `${publicUrl}/api/auth/oidc/callback`,
    groupMap: groupMapOf(e.WARD_OIDC_GROUP_MAP, settings),
    label: e.WARD_OIDC_LABEL ?? 'Sign in with your council account',
  };
}

function groupMapOf(value: string | undefined, settings: OrganisationSettings): Record<string, GroupGrant> {
  if (value === undefined) return {};
  const example = '{"<group object id>": {"role": "agent", "departments": ["council-tax"]}}';
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw new ConfigError(`WARD_OIDC_GROUP_MAP: must be JSON, like ${example}`);
  }
  const parsed = GroupMap.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      `WARD_OIDC_GROUP_MAP is not valid (like ${example}):\n${describeIssues('  ', parsed.error.issues)}`,
    );
  const known = settings.departments.map((d) => d.id);
  for (const [group, grant] of Object.entries(parsed.data)) {
    const unknown = grant.departments.find((id) => !known.includes(id));
    if (unknown)
      throw new ConfigError(
        `WARD_OIDC_GROUP_MAP: group ${group} names department "${unknown}", which is not one of the council’s departments (${known.join(', ')})`,
      );
  }
  return parsed.data;
}

/** Email intake is on when a listener port or an IMAP mailbox is configured; the rest must then fit. */
function mailIntakeConfig(e: z.output<typeof EnvSchema>, cwd: string): MailIntakeConfig | null {
  const smtpOn = e.WARD_MAIL_INTAKE_PORT !== undefined;
  const imapOn = e.WARD_IMAP_URL !== undefined;
  if (!smtpOn && !imapOn) {
    const stray = Object.keys(e).find((k) => k.startsWith('WARD_MAIL_INTAKE_'));
    if (stray)
      throw new ConfigError(
        `${stray} is set but email intake is off: set WARD_MAIL_INTAKE_PORT (SMTP listener) or WARD_IMAP_URL`,
      );
    return null;
  }
  if (!e.WARD_MAIL_INTAKE_ADDRESSES)
    throw new ConfigError(
      'WARD_MAIL_INTAKE_ADDRESSES: name the addresses Ward receives email for, like contact@council.example',
    );
  if ((e.WARD_MAIL_INTAKE_USER === undefined) !== (e.WARD_MAIL_INTAKE_PASSWORD === undefined)) {
    throw new ConfigError(
      'WARD_MAIL_INTAKE_USER and WARD_MAIL_INTAKE_PASSWORD: set both (the relay signs in with them) or neither',
    );
  }
  if ((e.WARD_MAIL_INTAKE_TLS_KEY_FILE === undefined) !== (e.WARD_MAIL_INTAKE_TLS_CERT_FILE === undefined)) {
    throw new ConfigError(
      'WARD_MAIL_INTAKE_TLS_KEY_FILE and WARD_MAIL_INTAKE_TLS_CERT_FILE: set both (STARTTLS) or neither',
    );
  }
  if (e.WARD_MAIL_MAX_ATTACHMENT_BYTES > e.WARD_MAIL_MAX_MESSAGE_BYTES) {
    throw new ConfigError('WARD_MAIL_MAX_ATTACHMENT_BYTES must not be larger than WARD_MAIL_MAX_MESSAGE_BYTES');
  }
  return {
    addresses: e.WARD_MAIL_INTAKE_ADDRESSES,
    maxMessageBytes: e.WARD_MAIL_MAX_MESSAGE_BYTES,
    maxAttachmentBytes: e.WARD_MAIL_MAX_ATTACHMENT_BYTES,
    smtp: smtpOn
      ? {
          host: e.WARD_MAIL_INTAKE_HOST ?? e.HOST,
          port: e.WARD_MAIL_INTAKE_PORT!,
          auth:
            e.WARD_MAIL_INTAKE_USER && e.WARD_MAIL_INTAKE_PASSWORD
              ? { user: e.WARD_MAIL_INTAKE_USER, password: e.WARD_MAIL_INTAKE_PASSWORD }
              : null,
          allowedIps: e.WARD_MAIL_INTAKE_ALLOWED_IPS ?? [],
          tls:
            e.WARD_MAIL_INTAKE_TLS_KEY_FILE && e.WARD_MAIL_INTAKE_TLS_CERT_FILE
              ? {
                  keyFile: path.resolve(cwd, e.WARD_MAIL_INTAKE_TLS_KEY_FILE),
                  certFile: path.resolve(cwd, e.WARD_MAIL_INTAKE_TLS_CERT_FILE),
                }
              : null,
        }
      : null,
    imap: imapOn
      ? {
          url: e.WARD_IMAP_URL!,
          mailbox: e.WARD_IMAP_MAILBOX,
          pollSeconds: e.WARD_IMAP_POLL_SECONDS,
          processedMailbox: e.WARD_IMAP_PROCESSED_MAILBOX ?? null,
        }
      : null,
  };
}
