import type { ApiKeyScope, CreateApiKeyBody } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type ApiKeyField = 'name' | 'scopes';

/** What each scope lets a key do, in words for the form and the list. */
export const scopeDescriptions: Record<ApiKeyScope, { label: string; hint: string }> = {
  intake: {
    label: 'Intake',
    hint: 'Transfer requests received on social media into Ward (POST /api/intake/social-media).',
  },
};

export function validateApiKey(
  name: string,
  scopes: readonly ApiKeyScope[],
): { errors: FieldErrors<ApiKeyField>; body: CreateApiKeyBody | null } {
  const errors: FieldErrors<ApiKeyField> = {};
  const trimmed = name.trim();
  if (trimmed === '') errors.name = 'Enter a name for the key';
  else if (trimmed.length > 100) errors.name = 'The name must be 100 characters or fewer';
  if (scopes.length === 0) errors.scopes = 'Select what the key may do';
  const body = Object.keys(errors).length === 0 ? { name: trimmed, scopes: [...new Set(scopes)] } : null;
  return { errors, body };
}
