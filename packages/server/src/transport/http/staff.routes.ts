import { z } from 'zod';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  CurrentStaffResponse,
  LoginResponse,
  DepartmentsResponse,
  InvitationDetails,
  InvitationResponse,
  InviteStaffBody,
  LoginBody,
  OutboxEmail,
  StaffDepartmentsBody,
  StaffDirectoryResponse,
  StaffLanguageBody,
  StaffMember,
  StaffRoleBody,
} from '@ward/protocol';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { acceptInvitation, createInvitation, describeInvitation } from '../../features/staff/invitations.ts';
import { logOut } from '../../features/staff/sessions.ts';
import { logIn } from '../../features/staff/sign-in.ts';
import { changePassword } from '../../features/staff/change-password.ts';
import { setOwnLanguage } from '../../features/staff/staff-language.ts';
import { listDepartments, setStaffDepartments } from '../../features/staff/staff-departments.ts';
import { setStaffRole } from '../../features/staff/staff-roles.ts';
import { currentStaffMember, listStaffMembers, staffDirectory } from '../../features/staff/staff-directory.ts';
import { listOutbox } from '../../features/mail/list-outbox.ts';
import type { SignInThrottle } from '../../features/staff/sign-in-throttle.ts';
import type { ApiRouter } from './api-router.ts';
import {
  mfaPendingCookie,
  mfaPendingCookiePath,
  requireConsoleOrigin,
  sessionCookie,
  setSessionCookie,
  staffOf,
} from './authorise.ts';
import { mfaRequiredFor, type MfaPolicy } from '../../features/staff/mfa.rules.ts';

const TokenParams = z.object({ token: z.string().min(10).max(200) });
const StaffResponse = z.object({ staff: StaffMember });
const StaffIdParams = z.object({ id: z.uuid('That is not a member of staff’s id') });

export function registerStaffRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: {
    publicUrl: string;
    outboxDir: string;
    signInThrottle: SignInThrottle;
    passwordSignIn?: boolean;
    mfaPolicy: MfaPolicy;
  },
): void {
  const secure = options.publicUrl.startsWith('https:');
  const publicOrigin = new URL(options.publicUrl).origin;
  const setSession = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    setSessionCookie(reply, session, { secure });

  api.route(
    {
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Sign in',
      tag: 'staff',
      access: 'public',
      body: LoginBody,
      response: LoginResponse,
    },
    async ({ body, request, reply }) => {
      requireConsoleOrigin(request, publicOrigin);
      if (options.passwordSignIn === false) throw passwordSignInOff;
      const result = await options.signInThrottle.attempt(
        { email: body.email, address: request.ip },
        () => logIn(ctx, body.email, body.password),
        // A password alone does not start the account's count again: the code must come too.
        { clears: (outcome) => outcome.kind === 'session' },
      );
      if (result.kind === 'mfa') {
        reply.setCookie(mfaPendingCookie, result.challenge.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: mfaPendingCookiePath,
          expires: result.challenge.expiresAt,
        });
        return { mfaRequired: true as const };
      }
      setSession(reply, result.session);
      return { staff: result.member };
    },
  );

  api.route(
    { method: 'POST', url: '/api/auth/logout', summary: 'Sign out', tag: 'staff', access: 'public' },
    async ({ request, reply }) => {
      requireConsoleOrigin(request, publicOrigin);
      await logOut(ctx, request.cookies[sessionCookie]);
      reply.clearCookie(sessionCookie, { path: '/' });
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/api/auth/me',
      summary: 'The signed-in member of staff',
      tag: 'staff',
      // Also for someone who must still set up two-step sign-in: the console learns it here.
      access: 'enrolment',
      response: CurrentStaffResponse,
    },
    async ({ request }) => {
      const staff = staffOf(request);
      return {
        staff: await currentStaffMember(ctx, staff),
        mfa: {
          enabled: staff.mfaEnabled ?? false,
          // Signed in through the council's identity provider, its second factor stands for Ward's (ADR 23).
          required: staff.signedInWith !== 'single-sign-on' && mfaRequiredFor(staff.role, options.mfaPolicy),
        },
      };
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/auth/password',
      summary: 'Change your own password (your other sessions end)',
      tag: 'staff',
      access: 'staff',
      body: ChangePasswordBody,
    },
    async ({ body, request }) => {
      await changePassword(ctx, staffOf(request), request.cookies[sessionCookie] ?? '', body, {
        signIn: options.signInThrottle,
        address: request.ip,
      });
    },
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/auth/language',
      summary: 'Choose the language of your own console (English or Cymraeg)',
      tag: 'staff',
      access: 'staff',
      body: StaffLanguageBody,
      response: StaffResponse,
    },
    async ({ body, request }) => ({ staff: await setOwnLanguage(ctx, staffOf(request), body.language) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/invitations/:token',
      summary: 'Look at an invitation',
      tag: 'staff',
      access: 'public',
      params: TokenParams,
      response: InvitationDetails,
    },
    async ({ params }) => describeInvitation(ctx, params.token),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/invitations/:token/accept',
      summary: 'Accept an invitation and set a password',
      tag: 'staff',
      access: 'public',
      params: TokenParams,
      body: AcceptInvitationBody,
      response: StaffResponse,
    },
    async ({ params, body, request, reply }) => {
      requireConsoleOrigin(request, publicOrigin);
      const { member, session } = await acceptInvitation(ctx, params.token, body);
      setSession(reply, session);
      return { staff: member };
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/api/staff',
      summary: 'List staff',
      tag: 'staff',
      access: 'admin',
      response: z.object({ staff: z.array(StaffMember) }),
    },
    async () => ({ staff: await listStaffMembers(ctx) }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/staff/:id/departments',
      summary: 'Set the departments a member of staff works in (empty: every department)',
      tag: 'staff',
      access: 'admin',
      params: StaffIdParams,
      body: StaffDepartmentsBody,
      response: StaffResponse,
    },
    async ({ params, body }) => ({ staff: await setStaffDepartments(ctx, params.id, body.departments) }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/staff/:id/role',
      summary: 'Give a member of staff another role (their sessions end)',
      tag: 'staff',
      access: 'admin',
      params: StaffIdParams,
      body: StaffRoleBody,
      response: StaffResponse,
    },
    async ({ params, body }) => ({ staff: await setStaffRole(ctx, params.id, body.role) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/staff/directory',
      summary: 'Active staff’s names and departments, for choosing a case owner (no email addresses)',
      tag: 'staff',
      access: 'staff',
      response: StaffDirectoryResponse,
    },
    async () => ({ staff: await staffDirectory(ctx) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/departments',
      summary: 'The council’s departments, and its topics with the department of each',
      tag: 'staff',
      access: 'staff',
      response: DepartmentsResponse,
    },
    async () => listDepartments(ctx),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/staff/invitations',
      summary: 'Invite a member of staff',
      tag: 'staff',
      access: 'admin',
      body: InviteStaffBody,
      response: InvitationResponse,
      status: 201,
    },
    async ({ body, request }) => {
      const invitation = await createInvitation(ctx, {
        email: body.email,
        role: body.role,
        createdBy: staffOf(request).id,
        departments: body.departments,
      });
      return {
        inviteUrl: invitationUrl(options.publicUrl, invitation.token),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/api/outbox',
      summary: 'Emails written to the outbox folder',
      tag: 'staff',
      access: 'admin',
      response: z.object({ emails: z.array(OutboxEmail) }),
    },
    async ({ request }) => ({ emails: await listOutbox(ctx, staffOf(request), options.outboxDir) }),
  );
}

/** WARD_OIDC_PASSWORD_SIGN_IN=off: staff sign in only through the council's identity provider (ADR 23). */
const passwordSignInOff = new AppError(
  'forbidden',
  'Sign in with your council account: Ward’s own passwords are turned off',
);

export const invitationUrl = (publicUrl: string, token: string) => `${publicUrl}/console/invitations/${token}`;
