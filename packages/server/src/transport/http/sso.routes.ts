import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AuthMethods, OidcCallbackQuery, OidcStartQuery, type SsoOutcome } from '@ward/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SingleSignOnConfig } from '../../config.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { OidcClient, PendingSignIn } from '../../features/staff/oidc-client.ts';
import { signInWithSso } from '../../features/staff/single-sign-on.ts';
import { ssoEmailOf } from '../../features/staff/single-sign-on.rules.ts';
import type { SignInThrottle } from '../../features/staff/sign-in-throttle.ts';
import type { ApiRouter } from './api-router.ts';
import { sessionCookie } from './authorise.ts';

/** Holds state, nonce and PKCE verifier between `start` and `callback`, for that path only, ten minutes at most. */
const pendingCookie = 'ward_oidc';
const pendingPath = '/api/auth/oidc';
const pendingSeconds = 10 * 60;

const Pending = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(1).max(200),
  /** The console page to open after signing in (already checked by OidcStartQuery). */
  next: OidcStartQuery.shape.next,
});

const staleLink = 'This sign-in link has expired or was already used. Go back to Ward and sign in again.';

function pendingOf(request: FastifyRequest): (PendingSignIn & { next?: string }) | null {
  const raw = request.cookies[pendingCookie];
  if (!raw || raw.length > 2000) return null;
  try {
    const parsed = Pending.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Single sign-on with the council's identity provider (OpenID Connect, ADR 23): the sign-in page
 * asks which methods are on, `start` sends the browser to the provider, and `callback` takes it
 * back, signs the person in (or refuses them) and sends the browser to the console.
 */
export function registerSsoRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: {
    publicUrl: string;
    passwordSignIn: boolean;
    singleSignOn: SingleSignOnConfig | null;
    client: OidcClient | null;
    signInThrottle: SignInThrottle;
  },
): void {
  const { singleSignOn, client, publicUrl } = options;
  const secure = publicUrl.startsWith('https:');
  const signInPage = (outcome: SsoOutcome) => `${publicUrl}/console/sign-in?sso=${outcome}`;
  const configured = () => {
    if (!singleSignOn || !client) throw new AppError('not_found', 'Single sign-on is not set up for Ward');
    return { singleSignOn, client };
  };
  const failed = (request: FastifyRequest, reply: FastifyReply, step: string, error: unknown) => {
    // openid-client's errors name the check that failed (never the person); the IT team needs them.
    const { code, message, error: oauthError, error_description: description } = error as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 300) : undefined);
    request.log.warn(
      {
        step,
        failure: { code: text(code), message: text(message), error: text(oauthError), description: text(description) },
      },
      'single sign-on failed',
    );
    return reply.redirect(signInPage('failed'));
  };

  api.route(
    {
      method: 'GET',
      url: '/api/auth/methods',
      summary: 'How staff may sign in: password, single sign-on',
      tag: 'staff',
      access: 'public',
      response: AuthMethods,
    },
    async () => ({
      password: options.passwordSignIn,
      sso: singleSignOn ? { label: singleSignOn.label, startUrl: `${pendingPath}/start` } : null,
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/auth/oidc/start',
      summary: 'Sign in with the council’s identity provider (redirects to it)',
      tag: 'staff',
      access: 'public',
      query: OidcStartQuery,
    },
    async ({ query, request, reply }) => {
      const { client } = configured();
      let started: Awaited<ReturnType<OidcClient['start']>>;
      try {
        started = await client.start();
      } catch (error) {
        return failed(request, reply, 'discovery', error);
      }
      // SameSite=Lax, not Strict: the provider sends the browser back with a cross-site top-level
      // GET, on which a Strict cookie would not be sent (ADR 23).
      reply.setCookie(
        pendingCookie,
        Buffer.from(JSON.stringify({ ...started.pending, next: query.next })).toString('base64url'),
        {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: pendingPath,
          maxAge: pendingSeconds,
        },
      );
      return reply.redirect(started.url);
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/api/auth/oidc/callback',
      summary: 'Where the identity provider sends the browser back; signs in and redirects to the console',
      tag: 'staff',
      access: 'public',
      query: OidcCallbackQuery,
    },
    async ({ query, request, reply }) => {
      const { singleSignOn, client } = configured();
      const pending = pendingOf(request);
      // Used once, whatever happens next.
      reply.clearCookie(pendingCookie, { path: pendingPath });
      if (!pending || !sameText(pending.state, query.state)) throw new AppError('bad_request', staleLink);
      if (query.error) {
        request.log.warn({ step: 'authorize', error: { code: query.error.slice(0, 100) } }, 'single sign-on failed');
        return reply.redirect(signInPage('failed'));
      }

      let identity: Awaited<ReturnType<OidcClient['finish']>>;
      try {
        identity = await client.finish(new URL(request.url, publicUrl), pending);
      } catch (error) {
        return failed(request, reply, 'token', error);
      }

      const email = ssoEmailOf(identity.claims) ?? '';
      try {
        const result = await options.signInThrottle.attempt({ email, address: request.ip }, async () => {
          const outcome = await signInWithSso(ctx, identity, { groupMap: singleSignOn.groupMap, address: request.ip });
          if (!outcome.ok) {
            request.log.warn(
              { reason: outcome.reason, account: outcome.emailDigest?.slice(0, 16) ?? null },
              'single sign-on refused',
            );
            throw new AppError('unauthenticated', 'Not set up for Ward');
          }
          return outcome;
        });
        reply.setCookie(sessionCookie, result.session.token, {
          httpOnly: true,
          // The console's own requests carry it; this redirect chain began at the provider, so the
          // console page's first load does not (it needs no cookie), its API calls do.
          sameSite: 'strict',
          secure,
          path: '/',
          expires: result.session.expiresAt,
        });
        request.log.info(
          { staffId: result.staff.id, created: result.created, updated: result.updated },
          'single sign-on',
        );
        return reply.redirect(`${publicUrl}${pending.next ?? '/console/'}`);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated') return reply.redirect(signInPage('refused'));
        if (error instanceof AppError && error.code === 'rate_limited') {
          request.log.warn({ reason: 'throttled' }, 'single sign-on refused');
          return reply.redirect(signInPage('throttled'));
        }
        throw error;
      }
    },
  );
}
