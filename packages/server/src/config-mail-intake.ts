import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './shared/config-error.ts';
import { addressRanges, commaList, mebibytes } from './config-fields.ts';

/** The email-intake part of the configuration (ADR 17), read by config.ts. */
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

export const mailIntakeEnv = {
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

type MailIntakeEnv = z.output<z.ZodObject<typeof mailIntakeEnv>>;

/** Email intake is on when a listener port or an IMAP mailbox is configured; the rest must then fit. */
export function mailIntakeConfig(e: MailIntakeEnv, host: string, cwd: string): MailIntakeConfig | null {
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
          host: e.WARD_MAIL_INTAKE_HOST ?? host,
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
