import type { ApiKeyScope, CreateApiKeyBody } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { apiKeysEn, type ApiKeysTexts } from './texts-en.ts';

export type ApiKeyField = 'name' | 'scopes';

/** What each scope lets a key do, in English (the Welsh is in texts-cy.ts). */
export const scopeDescriptions = apiKeysEn.scopes;

/** How long a new key works, as the form offers it (the API's `expiresInDays`; never: until revoked). */
export const keyLifetimes = [
  { value: '30', days: 30 },
  { value: '90', days: 90 },
  { value: '365', days: 365 },
  { value: 'never', days: null },
] as const;
export type KeyLifetime = (typeof keyLifetimes)[number]['value'];

export function validateApiKey(
  name: string,
  scopes: readonly ApiKeyScope[],
  lifetime: KeyLifetime = '365',
  says: ApiKeysTexts['errors'] = apiKeysEn.errors,
): { errors: FieldErrors<ApiKeyField>; body: CreateApiKeyBody | null } {
  const errors: FieldErrors<ApiKeyField> = {};
  const trimmed = name.trim();
  if (trimmed === '') errors.name = says.enterName;
  else if (trimmed.length > 100) errors.name = says.nameTooLong;
  if (scopes.length === 0) errors.scopes = says.selectScope;
  const chosen = keyLifetimes.find((option) => option.value === lifetime);
  const expiresInDays = chosen ? chosen.days : 365;
  const body = Object.keys(errors).length === 0 ? { name: trimmed, scopes: [...new Set(scopes)], expiresInDays } : null;
  return { errors, body };
}
