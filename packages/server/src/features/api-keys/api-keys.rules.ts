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

/** Whether a key still works at `now`: not revoked, and not past its expiry (if it has one). */
export function keyIsLive(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > now.getTime());
}

/** A key may call an endpoint when it is live and holds the endpoint's scope. */
export function keyAllows(
  key: { scopes: readonly string[]; revokedAt: Date | null; expiresAt: Date | null },
  scope: ApiKeyScope,
  now: Date,
): boolean {
  return keyIsLive(key, now) && key.scopes.includes(scope);
}

/** When a key made now for `days` stops working (null: until revoked). */
export function expiryOf(now: Date, days: number | null): Date | null {
  return days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

/** A key's last use is written at most once a minute: a busy integration does not write on every call. */
export function shouldMarkUse(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= 60_000;
}
