import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { staffForSession } from '../../features/staff/sessions.ts';
import { conversationForLiveVisitorToken } from '../../features/conversations/visitor-access.ts';
import type { Access } from './api-router.ts';
import { hasDuty } from '../../features/access/access.rules.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';
import { mustEnrolFirst, type MfaPolicy } from '../../features/staff/mfa.rules.ts';
import { auditSource } from '../../features/audit/record-audit.ts';
import { apiKeyForToken, type ApiKeyPrincipal } from '../../features/api-keys/api-key-for-token.ts';

export const sessionCookie = 'ward_session';

/** Between the password and the code (ADR 22): the waiting sign-in, only ever sent to the code route. */
export const mfaPendingCookie = 'ward_mfa_pending';
export const mfaPendingCookiePath = '/api/auth/mfa/verify';

/** The session cookie: HttpOnly, SameSite=Strict, Secure behind https. */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  options: { secure: boolean },
): void {
  reply.setCookie(sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    path: '/',
    expires: session.expiresAt,
  });
}

export const mfaEnrolmentRequiredMessage = 'Set up two-step sign-in for your account to continue';

type Principals = { staff: StaffPrincipal | null; visitorConversationId: string | null; apiKey?: ApiKeyPrincipal };
const principals = new WeakMap<FastifyRequest, Principals>();

export function staffOf(request: FastifyRequest): StaffPrincipal {
  const staff = principals.get(request)?.staff;
  if (!staff) throw new AppError('unauthenticated', 'Sign in to continue');
  return staff;
}

export function visitorConversationOf(request: FastifyRequest): string {
  const id = principals.get(request)?.visitorConversationId;
  if (!id) throw new AppError('unauthenticated', 'This chat is no longer available');
  return id;
}

/** Who calls an `intake` route: a member of staff, or a system with an API key. */
export function intakeCallerOf(
  request: FastifyRequest,
): { kind: 'staff'; staff: StaffPrincipal } | { kind: 'api-key'; apiKey: ApiKeyPrincipal; source: string } {
  const principal = principals.get(request);
  if (principal?.apiKey) return { kind: 'api-key', apiKey: principal.apiKey, source: auditSource(request.ip) };
  return { kind: 'staff', staff: staffOf(request) };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that changes something for a staff session (or opens or closes one: sign-in, sign-out,
 * accepting an invitation) must carry Ward's own Origin. Browsers always send Origin with such
 * requests, so a missing one is refused too: nothing but the console may use a session cookie to
 * change anything. API-key calls carry no cookie and are not checked.
 */
export function requireConsoleOrigin(request: FastifyRequest, publicOrigin: string): void {
  if (safeMethods.has(request.method)) return;
  if (request.headers.origin !== publicOrigin)
    throw new AppError('forbidden', 'This request must come from the Ward console');
}

/**
 * Staff requests ride on a SameSite=Strict cookie; state-changing ones must also come from
 * Ward's own origin (a second guard against cross-site requests).
 */
export function createAuthoriser(
  ctx: ServiceContext,
  publicOrigin: string,
  options: { visitorTokenGraceSeconds: number; sessionIdleMs: number; limiter: RateLimiter; mfaPolicy: MfaPolicy },
) {
  return async (access: Access, request: FastifyRequest): Promise<void> => {
    if (access === 'public') return;
    if (access === 'visitor') {
      const conversation = await conversationForLiveVisitorToken(
        ctx,
        bearerToken(request) ?? '',
        options.visitorTokenGraceSeconds,
      );
      principals.set(request, { staff: null, visitorConversationId: conversation.id });
      return;
    }
    const scope = access === 'intake' || access === 'cases:read' || access === 'reports' ? access : undefined;
    const token = scope ? bearerToken(request) : undefined;
    if (scope && token) {
      const apiKey = await apiKeyForToken(ctx, token, scope);
      await options.limiter.consume('api-key-requests', apiKey.id);
      principals.set(request, {
        staff: null,
        visitorConversationId: null,
        apiKey,
      });
      return;
    }
    const staff = await staffForSession(ctx, request.cookies[sessionCookie], { idleMs: options.sessionIdleMs });
    if (!staff) throw new AppError('unauthenticated', 'Sign in to continue');
    requireConsoleOrigin(request, publicOrigin);
    // Someone who must use two-step sign-in and has not set it up reaches only the set-up (ADR 22).
    if (
      access !== 'enrolment' &&
      mustEnrolFirst(staff.role, options.mfaPolicy, staff.mfaEnabled ?? false, staff.signedInWith)
    )
      throw new AppError('mfa_enrolment_required', mfaEnrolmentRequiredMessage);
    if (access === 'admin' && !hasDuty(staff.role, 'administer'))
      throw new AppError('forbidden', 'Only administrators can do this');
    if (access === 'privacy' && !hasDuty(staff.role, 'privacy'))
      throw new AppError('forbidden', 'Only privacy officers and administrators can do this');
    principals.set(request, { staff: { ...staff, source: auditSource(request.ip) }, visitorConversationId: null });
  };
}
