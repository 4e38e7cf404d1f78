import type { ApiKeyScope, CreateApiKeyBody } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type ApiKeyField = 'name' | 'scopes';

/** What each scope lets a key do, in words for the form and the list. */
export const scopeDescriptions: Record<ApiKeyScope, { label: string; hint: string }> = {
  intake: {
    label: 'Intake',
    hint: 'Transfer requests received on social media into Ward (POST /api/intake/social-media).',
  },
  'cases:read': {
    label: 'Read case status',
    hint: 'Read where a case stands by its reference, without personal data (GET /api/integrations/cases/:reference).',
  },
  reports: {
    label: 'Read reports',
    hint: 'Read the reports’ figures and tables, without personal data (GET /api/reports/…).',
  },
};

/** How long a new key works, as the form offers it (the API's `expiresInDays`; never: until revoked). */
export const keyLifetimes = [
  { value: '30', label: '30 days', days: 30 },
  { value: '90', label: '90 days', days: 90 },
  { value: '365', label: '1 year', days: 365 },
  { value: 'never', label: 'Until it is revoked', days: null },
] as const;
export type KeyLifetime = (typeof keyLifetimes)[number]['value'];

export function validateApiKey(
  name: string,
  scopes: readonly ApiKeyScope[],
  lifetime: KeyLifetime = '365',
): { errors: FieldErrors<ApiKeyField>; body: CreateApiKeyBody | null } {
  const errors: FieldErrors<ApiKeyField> = {};
  const trimmed = name.trim();
  if (trimmed === '') errors.name = 'Enter a name for the key';
  else if (trimmed.length > 100) errors.name = 'The name must be 100 characters or fewer';
  if (scopes.length === 0) errors.scopes = 'Select what the key may do';
  const chosen = keyLifetimes.find((option) => option.value === lifetime);
  const expiresInDays = chosen ? chosen.days : 365;
  const body = Object.keys(errors).length === 0 ? { name: trimmed, scopes: [...new Set(scopes)], expiresInDays } : null;
  return { errors, body };
}
