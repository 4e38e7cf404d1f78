import { askForConsent } from '../../features/conversations/consent-in-chat.ts';
import type { Namespace } from 'socket.io';
import {
  AgentConversationPayload,
  AgentEndPayload,
  AgentResumePayload,
  AgentSendMessagePayload,
  AgentTypingPayload,
  MarkConsentPayload,
} from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { staffForSession } from '../../features/staff/sessions.ts';
import { currentStaffMember } from '../../features/staff/staff-directory.ts';
import { acceptConversation } from '../../features/conversations/accept-conversation.ts';
import { sendMessage } from '../../features/conversations/send-message.ts';
import { endConversation } from '../../features/conversations/end-conversation.ts';
import { markConsentMessage } from '../../features/conversations/update-conversation.ts';
import { openConversationsOf, resumeForAgent, waitingQueue } from '../../features/conversations/read-conversations.ts';
import { eventOptions, handleEvent, type Reporter } from './handle-event.ts';
import { seesEveryDepartment } from '../../features/access/access.rules.ts';
import { auditSource } from '../../features/audit/record-audit.ts';
import { clientAddress } from './client-address.rules.ts';
import { conversationRoom, departmentRoom, everyDepartmentRoom, staffRoom, wallboardRoom } from './rooms.ts';
import { mfaEnrolmentRequiredMessage, sessionCookie } from '../http/authorise.ts';
import { mustEnrolFirst, type MfaPolicy } from '../../features/staff/mfa.rules.ts';
import { listenToSupervision } from './supervision-events.ts';
import { listenToChatWork } from './chat-work-events.ts';
import { setUpAgentPresence } from './agent-presence.ts';
import { resumeInRoom } from './agent-resume.ts';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** How often a staff socket's events confirm its session (and keep it from going idle). */
const sessionCheckMs = 30 * 1000;

/** Staff sockets: authenticated by the session cookie, scoped to their organisation. */
export function setUpAgentNamespace(
  nsp: Namespace,
  ctx: ServiceContext,
  report: Reporter,
  options: {
    trustProxy: boolean;
    sessionIdleMs: number;
    mfaPolicy: MfaPolicy;
    /** True once this node is shutting down: its agents' tabs reconnect to another node. */
    closing: () => boolean;
  },
): void {
  const events = eventOptions(ctx, report);
  const policy = { idleMs: options.sessionIdleMs };
  nsp.use((socket, next) => {
    staffForSession(ctx, cookieValue(socket.handshake.headers.cookie, sessionCookie), policy)
      .then((staff) => {
        if (!staff) return next(new Error('Sign in to continue'));
        // The same rule as every staff HTTP route (authorise.ts): set up two-step sign-in first.
        if (mustEnrolFirst(staff.role, options.mfaPolicy, staff.mfaEnabled ?? false, staff.signedInWith))
          return next(new Error(mfaEnrolmentRequiredMessage));
        // The same source HTTP would record for this agent (authorise.ts uses Fastify's request.ip).
        const address = clientAddress(
          socket.handshake.address,
          socket.handshake.headers['x-forwarded-for'],
          options.trustProxy,
        );
        socket.data.staff = { ...staff, source: auditSource(address) };
        next();
      })
      .catch(() => next(new Error('Sign in to continue')));
  });

  nsp.on('connection', (socket) => {
    const staff = socket.data.staff as StaffPrincipal;
    const visitors = nsp.server.of('/visitor');
    // Working in a chat is using the session: it keeps it alive, and a session that has ended
    // (signed out, idle, or access changed) closes the socket at its next event.
    const token = cookieValue(socket.handshake.headers.cookie, sessionCookie);
    let checkedAt = Date.now();
    socket.use((_packet, next) => {
      if (Date.now() - checkedAt < sessionCheckMs) return next();
      checkedAt = Date.now();
      staffForSession(ctx, token, policy)
        .then((still) => (still ? next() : socket.disconnect(true)))
        .catch(() => socket.disconnect(true));
    });
    socket.on(
      'conversation:accept',
      handleEvent(
        socket,
        AgentConversationPayload,
        async ({ conversationId }) => {
          const result = await acceptConversation(ctx, staff, conversationId);
          await socket.join(conversationRoom(conversationId));
          return result;
        },
        events,
      ),
    );

    socket.on(
      'message:send',
      handleEvent(
        socket,
        AgentSendMessagePayload,
        ({ conversationId, ...message }, redactions) =>
          sendMessage(ctx, conversationId, { kind: 'agent', staff }, { ...message, redactions }),
        events,
      ),
    );

    socket.on(
      'resume',
      handleEvent(
        socket,
        AgentResumePayload,
        ({ conversationId, afterSeq }) => resumeInRoom(socket, ctx, staff, conversationId, afterSeq),
        events,
      ),
    );

    socket.on(
      'typing',
      handleEvent(
        socket,
        AgentTypingPayload,
        async ({ conversationId, isTyping }) => {
          // Only into a room this socket belongs to, i.e. a conversation this agent handles.
          if (!socket.rooms.has(conversationRoom(conversationId))) return;
          const name = staff.firstName;
          visitors.to(conversationRoom(conversationId)).emit('typing', { isTyping, name });
        },
        events,
      ),
    );

    socket.on(
      'conversation:end',
      handleEvent(
        socket,
        AgentEndPayload,
        async ({ conversationId, summary }) => {
          await endConversation(ctx, conversationId, { kind: 'agent', staffId: staff.id, staff }, summary);
          return {
            conversation: (await resumeForAgent(ctx, staff, conversationId, Number.MAX_SAFE_INTEGER)).conversation,
          };
        },
        events,
      ),
    );

    socket.on(
      'consent:mark',
      handleEvent(
        socket,
        MarkConsentPayload,
        async ({ conversationId, seq }) => ({
          message: await markConsentMessage(ctx, staff, conversationId, seq),
        }),
        events,
      ),
    );

    socket.on(
      'consent:ask',
      handleEvent(
        socket,
        AgentConversationPayload,
        async ({ conversationId }) => {
          await askForConsent(ctx, staff, conversationId);
          return {};
        },
        events,
      ),
    );

    listenToSupervision(socket, ctx, staff, events);
    listenToChatWork(socket, ctx, staff, events);
    // Routing: status, activity and presence (ADR 39).
    setUpAgentPresence(nsp, socket, ctx, staff, { ...events, closing: options.closing }).catch(report);

    // Handlers are registered first (above) so no early event is lost while this runs. The queue
    // holds no personal data; the agent's own chats are read and audited in one transaction.
    // Case updates: the rooms of the departments they work in (none listed, or an administrator:
    // every department), read fresh from the database as an administrator may have changed them.
    void (async () => {
      const [mine, member] = await Promise.all([openConversationsOf(ctx, staff), currentStaffMember(ctx, staff)]);
      const everyDepartment = seesEveryDepartment(member);
      const waiting = await waitingQueue(ctx, staff.organisationId, everyDepartment ? null : member.departments);
      const departments = everyDepartment
        ? [everyDepartmentRoom(staff.organisationId)]
        : member.departments.map((id) => departmentRoom(staff.organisationId, id));
      const wallboard =
        staff.role === 'supervisor' || staff.role === 'admin' ? [wallboardRoom(staff.organisationId)] : [];
      await socket.join([
        staffRoom(staff.id),
        ...departments,
        ...wallboard,
        ...mine.map((c) => conversationRoom(c.id)),
      ]);
      socket.emit('queue', everyDepartment ? { waiting } : { waiting, departmentIds: [...member.departments] });
      socket.emit('my-conversations', { conversations: mine });
    })().catch((error: unknown) => {
      report(error);
      socket.disconnect(true);
    });
  });
}
