import type { Server } from 'socket.io';
import type { CaseChangeReason } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { agentConversation, resumeForVisitor, waitingQueue } from '../../features/conversations/read-conversations.ts';
import { caseAudience, type CaseAudience } from '../../features/cases/case-audience.ts';
import { conversationRoom, departmentRoom, everyDepartmentRoom, staffRoom, wallboardRoom } from './rooms.ts';

/**
 * Realtime is a subscriber to domain events: services publish after commit, this sends each
 * change to the sockets that should see it. Route and socket handlers never push to others.
 */
export function subscribeRealtimeFanOut(io: Server, ctx: ServiceContext): { stop: () => void } {
  const visitors = io.of('/visitor');
  const agents = io.of('/agent');
  // Once realtime closes (its Redis clients quit), a handler still awaiting the database must
  // not emit: with the Redis adapter that publish would fail outside any handler.
  let stopped = false;

  // Each department's room hears its part of the queue; staff of every department hear all of it.
  const broadcastQueue = async (organisationId: string) => {
    const waiting = await waitingQueue(ctx, organisationId, null);
    if (stopped) return;
    agents.to(everyDepartmentRoom(organisationId)).emit('queue', { waiting });
    for (const { id } of ctx.organisation.settings.departments) {
      const part = waiting.filter((item) => item.departmentId === id);
      agents.to(departmentRoom(organisationId, id)).emit('queue', { waiting: part, departmentIds: [id] });
    }
  };
  const broadcastConversation = async (conversationId: string) => {
    const [forAgents, forVisitor] = await Promise.all([
      agentConversation(ctx, conversationId),
      resumeForVisitor(ctx, conversationId, Number.MAX_SAFE_INTEGER),
    ]);
    if (stopped) return;
    if (forAgents) agents.to(conversationRoom(conversationId)).emit('conversation', forAgents);
    visitors.to(conversationRoom(conversationId)).emit('conversation', forVisitor.conversation);
  };

  ctx.events.subscribe('message.appended', ({ conversationId, message }) => {
    if (stopped) return;
    visitors.to(conversationRoom(conversationId)).emit('message', message);
    agents.to(conversationRoom(conversationId)).emit('message', { conversationId, message });
  });
  ctx.events.subscribe('message.changed', ({ conversationId, message }) => {
    if (stopped) return;
    agents.to(conversationRoom(conversationId)).emit('message', { conversationId, message });
  });
  // Supervisors' wallboards re-read their figures over HTTP: the hint carries nothing.
  const hintWallboards = ({ organisationId }: { organisationId: string }) => {
    if (!stopped) agents.to(wallboardRoom(organisationId)).emit('wallboard:changed', {});
  };
  ctx.events.subscribe('conversation.started', hintWallboards);
  ctx.events.subscribe('conversation.accepted', hintWallboards);
  ctx.events.subscribe('conversation.ended', hintWallboards);
  ctx.events.subscribe('conversation.started', ({ organisationId }) => broadcastQueue(organisationId));
  ctx.events.subscribe('conversation.accepted', async ({ organisationId, conversationId, staffId }) => {
    // Every console tab of that agent follows the chat, on whichever node it is connected.
    agents.in(staffRoom(staffId)).socketsJoin(conversationRoom(conversationId));
    await Promise.all([broadcastQueue(organisationId), broadcastConversation(conversationId)]);
  });
  ctx.events.subscribe('conversation.ended', async ({ organisationId, conversationId }) => {
    await Promise.all([broadcastQueue(organisationId), broadcastConversation(conversationId)]);
  });
  ctx.events.subscribe('conversation.changed', ({ conversationId }) => broadcastConversation(conversationId));

  // Cases: ids only, so nothing personal leaves and nothing needs auditing; the console reads the
  // case again over HTTP (audited). To the owner, and to everyone who works in its department.
  const notifyCase = (
    organisationId: string,
    caseId: string,
    audience: CaseAudience,
    reason: CaseChangeReason,
    previous?: CaseAudience,
  ) => {
    if (stopped) return;
    const rooms = [departmentRoom(organisationId, audience.departmentId), everyDepartmentRoom(organisationId)];
    if (audience.ownerStaffId) rooms.push(staffRoom(audience.ownerStaffId));
    if (previous) {
      rooms.push(departmentRoom(organisationId, previous.departmentId));
      if (previous.ownerStaffId) rooms.push(staffRoom(previous.ownerStaffId));
    }
    // One emit to several rooms reaches each socket once.
    agents.to(rooms).emit('case:changed', { caseId, reason });
  };
  const notifyCaseById = async (organisationId: string, caseId: string, reason: CaseChangeReason) => {
    const audience = await caseAudience(ctx, organisationId, caseId);
    if (audience) notifyCase(organisationId, caseId, audience, reason);
  };
  ctx.events.subscribe('case.changed', ({ organisationId, caseId, departmentId, ownerStaffId, previous }) =>
    notifyCase(organisationId, caseId, { departmentId, ownerStaffId }, 'changed', previous),
  );
  ctx.events.subscribe('email.received', ({ organisationId, caseId }) =>
    notifyCaseById(organisationId, caseId, 'email-received'),
  );
  ctx.events.subscribe('email.reply-queued', ({ organisationId, caseId }) =>
    notifyCaseById(organisationId, caseId, 'email-reply'),
  );
  ctx.events.subscribe('form.submitted', ({ organisationId, caseId }) =>
    notifyCaseById(organisationId, caseId, 'form-submitted'),
  );
  // On every node (the Redis adapter carries it), within the second.
  ctx.events.subscribe('staff.sessions-ended', ({ staffId }) => {
    if (!stopped) agents.in(staffRoom(staffId)).disconnectSockets(true);
  });
  return {
    stop: () => {
      stopped = true;
    },
  };
}
