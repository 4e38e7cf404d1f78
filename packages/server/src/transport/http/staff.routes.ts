import { z } from 'zod';
import { AcceptInvitationBody, InvitationDetails, InvitationResponse, InviteStaffBody, LoginBody, OutboxEmail, StaffMember } from '@ward/protocol';
import type { FastifyReply } from 'fastify';
import type { ServiceContext } from '../../shared/service-context.ts';
import * as staffService from '../../features/staff/staff.service.ts';
import { listOutbox } from '../../features/transcripts/mailer.ts';
import type { ApiRouter } from './api-router.ts';
import { sessionCookie, staffOf } from './authorise.ts';

const TokenParams = z.object({ token: z.string().min(10).max(200) });
const StaffResponse = z.object({ staff: StaffMember });

export function registerStaffRoutes(api: ApiRouter, ctx: ServiceContext, options: { publicUrl: string; outboxDir: string }): void {
  const secure = options.publicUrl.startsWith('https:');
  const setSession = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    reply.setCookie(sessionCookie, session.token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: session.expiresAt });

  api.route(
    { method: 'POST', url: '/api/auth/login', summary: 'Sign in', tag: 'staff', access: 'public', body: LoginBody, response: StaffResponse },
    async ({ body, reply }) => {
      const { staff, session } = await staffService.logIn(ctx, body.email, body.password);
      setSession(reply, session);
      return { staff: staffService.toStaffMember(ctx, staff) };
    },
  );

  api.route({ method: 'POST', url: '/api/auth/logout', summary: 'Sign out', tag: 'staff', access: 'public' }, async ({ request, reply }) => {
    await staffService.logOut(ctx, request.cookies[sessionCookie]);
    reply.clearCookie(sessionCookie, { path: '/' });
  });

  api.route(
    { method: 'GET', url: '/api/auth/me', summary: 'The signed-in member of staff', tag: 'staff', access: 'staff', response: StaffResponse },
    async ({ request }) => ({ staff: staffService.toStaffMember(ctx, staffOf(request)) }),
  );

  api.route(
    { method: 'GET', url: '/api/invitations/:token', summary: 'Look at an invitation', tag: 'staff', access: 'public', params: TokenParams, response: InvitationDetails },
    async ({ params }) => staffService.describeInvitation(ctx, params.token),
  );

  api.route(
    { method: 'POST', url: '/api/invitations/:token/accept', summary: 'Accept an invitation and set a password', tag: 'staff', access: 'public', params: TokenParams, body: AcceptInvitationBody, response: StaffResponse },
    async ({ params, body, reply }) => {
      const { staff, session } = await staffService.acceptInvitation(ctx, params.token, body);
      setSession(reply, session);
      return { staff: staffService.toStaffMember(ctx, staff) };
    },
  );

  api.route(
    { method: 'GET', url: '/api/staff', summary: 'List staff', tag: 'staff', access: 'admin', response: z.object({ staff: z.array(StaffMember) }) },
    async () => ({ staff: await staffService.listStaffMembers(ctx) }),
  );

  api.route(
    { method: 'POST', url: '/api/staff/invitations', summary: 'Invite a member of staff', tag: 'staff', access: 'admin', body: InviteStaffBody, response: InvitationResponse, status: 201 },
    async ({ body, request }) => {
      const invitation = await staffService.createInvitation(ctx, { email: body.email, role: body.role, createdBy: staffOf(request).id });
      return { inviteUrl: invitationUrl(options.publicUrl, invitation.token), expiresAt: invitation.expiresAt.toISOString() };
    },
  );

  api.route(
    { method: 'GET', url: '/api/outbox', summary: 'Emails written to the outbox folder', tag: 'staff', access: 'admin', response: z.object({ emails: z.array(OutboxEmail) }) },
    async ({ request }) => ({ emails: await listOutbox(ctx, staffOf(request), options.outboxDir) }),
  );
}

export const invitationUrl = (publicUrl: string, token: string) => `${publicUrl}/console/invitations/${token}`;
