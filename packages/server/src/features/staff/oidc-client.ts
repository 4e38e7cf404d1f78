import * as oidc from 'openid-client';
import { AppError } from '../../shared/app-error.ts';

/** The identity provider Ward signs staff in with (WARD_OIDC_*; ADR 23). */
export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; redirectUri: string };

/** What Ward keeps for one browser between sending it to the identity provider and its return. */
export type PendingSignIn = { state: string; nonce: string; codeVerifier: string };

/** The ID token's claims, verified: signature, issuer, audience, expiry, nonce; the code bound by PKCE. */
export type VerifiedIdentity = { issuer: string; claims: Record<string, unknown> };

export type OidcClient = {
  /** The identity provider's sign-in address for a new attempt, and what to keep until the browser returns. */
  start: () => Promise<{ url: string; pending: PendingSignIn }>;
  /**
   * Exchanges the code in the callback address for the ID token; throws (openid-client's errors,
   * which name what failed, never the person) when anything does not check out.
   */
  finish: (callbackUrl: URL, pending: PendingSignIn) => Promise<VerifiedIdentity>;
};

/**
 * The authorization code flow with PKCE, `state` and `nonce` (openid-client). The provider's
 * metadata is discovered at the first sign-in, not at start, so Ward starts while the provider is
 * away; a failed discovery is tried again at the next sign-in.
 */
export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<oidc.Configuration> | undefined;
  const configured = () =>
    (configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.ClientSecretPost(settings.clientSecret),
        // http:// is accepted for localhost only (config.ts), for trying Ward out against a local provider.
        settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      }));

  return {
    start: async () => {
      const config = await configured();
      const pending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },
    finish: async (callbackUrl, pending) => {
      const config = await configured();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new AppError('unauthenticated', 'The identity provider sent no ID token');
      return { issuer: config.serverMetadata().issuer, claims: { ...claims } };
    },
  };
}
