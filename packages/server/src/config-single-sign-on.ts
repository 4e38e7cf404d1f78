import { z } from 'zod';
import { DepartmentId, StaffRole } from '@ward/protocol';
import { ConfigError } from './shared/config-error.ts';
import type { OrganisationSettings } from './shared/organisation-settings.ts';
import { describeIssues } from './config-fields.ts';

/** The single sign-on part of the configuration (ADR 23), read by config.ts. */
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

export const singleSignOnEnv = {
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

type SingleSignOnEnv = z.output<z.ZodObject<typeof singleSignOnEnv>>;

/** Single sign-on is on when the issuer, client id and secret are all set; the group map must then fit. */
export function singleSignOnConfig(
  e: SingleSignOnEnv,
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
