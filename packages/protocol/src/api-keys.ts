import * as z from 'zod';
import { apiKeyScopes } from './shared-constants.ts';
import { structuredText } from './free-text.ts';

/**
 * Integration API keys (ADR 15): the council's other systems call Ward with
 * `Authorization: Bearer <token>`. A key carries scopes: `intake` allows the intake endpoints,
 * `cases:read` reading a case's status by its reference (no personal data), `reports` reading
 * the reports' figures (ADR 36; no personal data either).
 * The token is shown once, when the key is created; Ward keeps only its SHA-256 hash.
 */
export const ApiKeyScope = z.enum(apiKeyScopes, 'Choose the scopes: intake, cases:read, reports');
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const CreateApiKeyBody = z.object({
  name: structuredText(
    z
      .string('Enter a name for the key')
      .trim()
      .min(1, 'Enter a name for the key')
      .max(100, 'A name can be at most 100 characters'),
  ),
  scopes: z.array(ApiKeyScope).min(1, 'Choose at least one scope').max(10),
  /** How many days the key works; null: until it is revoked. Omitted: a year. */
  expiresInDays: z
    .union([z.literal(30), z.literal(90), z.literal(365), z.null()], 'expiresInDays must be 30, 90, 365 or null')
    .default(365),
});
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;

export const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(ApiKeyScope),
  /** The first characters of the token, to tell keys apart; never enough to use it. */
  tokenPrefix: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** After this the key is refused; null: it works until revoked. */
  expiresAt: z.iso.datetime().nullable(),
  /** When a system last called Ward with it (to the minute); null: never. */
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** `token` appears only here, once. */
export const CreatedApiKey = z.object({ apiKey: ApiKey, token: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
