import * as z from 'zod';

/**
 * How staff may sign in (`GET /api/auth/methods`, public): with a password, and/or with the
 * council's identity provider (OpenID Connect, ADR 23) behind a button labelled `sso.label`.
 */
export const AuthMethods = z.object({
  password: z.boolean(),
  sso: z.object({ label: z.string(), startUrl: z.string() }).nullable(),
});
export type AuthMethods = z.infer<typeof AuthMethods>;

export { ssoOutcomeMessages, ssoOutcomes, type SsoOutcome } from './shared-constants.ts';

/** A path of the console, with nothing that could lead off Ward or break a Location header. */
const isConsolePath = (value: string) =>
  value.startsWith('/console/') &&
  !value.startsWith('/console//') &&
  !value.includes('\\') &&
  [...value].every((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) < 0x7f); // printable ASCII, as URLs are sent

/**
 * `GET /api/auth/oidc/start?next=/console/…`: the console page to open after signing in. Anything
 * that is not a console path (another site, `//host`, a backslash, characters a URL would have
 * percent-encoded) is ignored, not refused.
 */
export const OidcStartQuery = z.object({
  next: z
    .string()
    .max(2000)
    .optional()
    .catch(undefined)
    .transform((next) => (next && isConsolePath(next) ? next : undefined)),
});
export type OidcStartQuery = z.infer<typeof OidcStartQuery>;

const param = (message: string) => z.string(message).max(4096, message);

/**
 * What the identity provider sends back to `GET /api/auth/oidc/callback`. `state` must be the one
 * Ward issued to this browser; the rest is checked by the OpenID Connect client.
 */
export const OidcCallbackQuery = z.object({
  state: param('This sign-in link is not valid. Go back to Ward and sign in again.'),
  code: param('This sign-in link is not valid. Go back to Ward and sign in again.').optional(),
  error: param('This sign-in link is not valid. Go back to Ward and sign in again.').optional(),
  error_description: z.string().max(4096).optional(),
  session_state: z.string().max(4096).optional(),
  iss: z.string().max(4096).optional(),
});
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuery>;
