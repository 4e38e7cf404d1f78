import type { ApiKeyScope } from '@ward/protocol';

/**
 * Integration API keys (ADR 15), pure. A token is `ward_key_` followed by 43 base64url
 * characters (32 random bytes): the prefix makes a leaked key easy to recognise in a scanner
 * and tells it apart from a visitor token at once.
 */
export const apiKeyTokenPrefix = 'ward_key_';
const tokenShape = /^ward_key_[A-Za-z0-9_-]{43}$/;

export function looksLikeApiKey(token: string): boolean {
  return tokenShape.test(token);
}

/** What the console shows to tell keys apart: the prefix and four characters, never enough to use it. */
export function visiblePrefix(token: string): string {
  return token.slice(0, apiKeyTokenPrefix.length + 4);
}

/** A key may call an endpoint when it is not revoked and holds the endpoint's scope. */
export function keyAllows(key: { scopes: readonly string[]; revokedAt: Date | null }, scope: ApiKeyScope): boolean {
  return key.revokedAt === null && key.scopes.includes(scope);
}
