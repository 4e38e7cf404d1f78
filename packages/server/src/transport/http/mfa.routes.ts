import { z } from 'zod';
import { MfaCodeBody, MfaEnrolment, MfaStatus, RecoveryCodesResponse, StaffMember } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { SignInThrottle } from '../../features/staff/sign-in-throttle.ts';
import type { MfaPolicy } from '../../features/staff/mfa.rules.ts';
import { completeMfaSignIn } from '../../features/staff/complete-mfa-sign-in.ts';
import { confirmMfaEnrolment, startMfaEnrolment } from '../../features/staff/enrol-mfa.ts';
import { readMfaStatus } from '../../features/staff/mfa-status.ts';
import { regenerateRecoveryCodes } from '../../features/staff/regenerate-recovery-codes.ts';
import { resetStaffMfa } from '../../features/staff/reset-mfa.ts';
import { turnOffMfa } from '../../features/staff/turn-off-mfa.ts';
import type { ApiRouter } from './api-router.ts';
import {
  mfaPendingCookie,
  mfaPendingCookiePath,
  requireConsoleOrigin,
  sessionCookie,
  setSessionCookie,
  staffOf,
} from './authorise.ts';

const StaffIdParams = z.object({ id: z.uuid('That is not a member of staff’s id') });

/** Two-step sign-in (ADR 22): the code at sign-in, the member of staff's own set-up, and an administrator's reset. */
export function registerMfaRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { publicUrl: string; signInThrottle: SignInThrottle; mfaPolicy: MfaPolicy },
): void {
  const secure = options.publicUrl.startsWith('https:');
  const publicOrigin = new URL(options.publicUrl).origin;
  const throttle = options.signInThrottle;

  api.route(
    {
      method: 'POST',
      url: '/api/auth/mfa/verify',
      summary: 'Sign in, second step: a code from the authenticator app or a recovery code',
      tag: 'staff',
      access: 'public',
      body: MfaCodeBody,
      response: z.object({ staff: StaffMember }),
    },
    async ({ body, request, reply }) => {
      requireConsoleOrigin(request, publicOrigin);
      const { member, session } = await completeMfaSignIn(ctx, throttle, {
        challengeToken: request.cookies[mfaPendingCookie],
        code: body.code,
        address: request.ip,
      });
      reply.clearCookie(mfaPendingCookie, { path: mfaPendingCookiePath });
      setSessionCookie(reply, session, { secure });
      return { staff: member };
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/api/auth/mfa',
      summary: 'Your two-step sign-in: on or not, required or not, recovery codes left',
      tag: 'staff',
      access: 'enrolment',
      response: MfaStatus,
    },
    async ({ request }) => readMfaStatus(ctx, staffOf(request), options.mfaPolicy),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/auth/mfa/enrolment',
      summary: 'Start setting up two-step sign-in: a new secret and its QR code',
      tag: 'staff',
      access: 'enrolment',
      response: MfaEnrolment,
    },
    async ({ request }) => startMfaEnrolment(ctx, staffOf(request)),
  );

  const signedIn = (request: Parameters<typeof staffOf>[0]) => ({
    sessionToken: request.cookies[sessionCookie] ?? '',
    address: request.ip,
  });

  api.route(
    {
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      summary: 'Turn two-step sign-in on with the first code; the recovery codes are shown this once',
      tag: 'staff',
      access: 'enrolment',
      body: MfaCodeBody,
      response: RecoveryCodesResponse,
    },
    async ({ body, request }) =>
      confirmMfaEnrolment(ctx, throttle, staffOf(request), { code: body.code, ...signedIn(request) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/auth/mfa/recovery-codes',
      summary: 'New recovery codes in place of the old ones (needs a current code)',
      tag: 'staff',
      access: 'staff',
      body: MfaCodeBody,
      response: RecoveryCodesResponse,
    },
    async ({ body, request }) =>
      regenerateRecoveryCodes(ctx, throttle, staffOf(request), { code: body.code, ...signedIn(request) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/auth/mfa/turn-off',
      summary: 'Turn two-step sign-in off, where it is not required (needs a current code)',
      tag: 'staff',
      access: 'staff',
      body: MfaCodeBody,
    },
    async ({ body, request }) =>
      turnOffMfa(ctx, throttle, staffOf(request), {
        code: body.code,
        ...signedIn(request),
        policy: options.mfaPolicy,
      }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/staff/:id/mfa/reset',
      summary: 'Reset a colleague’s two-step sign-in (a lost phone): their sessions end and they set it up again',
      tag: 'staff',
      access: 'admin',
      params: StaffIdParams,
    },
    async ({ params, request }) => resetStaffMfa(ctx, staffOf(request), params.id),
  );
}
