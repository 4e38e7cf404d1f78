import type { Server } from 'socket.io';
import type { CaseChangeReason } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { agentConversation, resumeForVisitor, waitingQueue } from '../../features/conversations/read-conversations.ts';
import { caseAudience, type CaseAudience } from '../../features/cases/case-audience.ts';
import { conversationRoom, departmentRoom, everyDepartmentRoom, staffRoom, wallboardRoom, watchRoom } from './rooms.ts';

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

  // The staff handling a chat, and supervisors watching it (one emit reaches a socket in both once).
  const agentRooms = (conversationId: string) => [conversationRoom(conversationId), watchRoom(conversationId)];

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
  const broadcastConversation = async (conversationId: string, alsoStaffId?: string) => {
    const [forAgents, forVisitor] = await Promise.all([
      agentConversation(ctx, conversationId),
      resumeForVisitor(ctx, conversationId, Number.MAX_SAFE_INTEGER),
    ]);
    if (stopped) return;
    // The agent just given the chat hears it through their own room too: on another node, their
    // sockets may not have joined the chat's room yet (socketsJoin travels separately); once each.
    const rooms = alsoStaffId ? [...agentRooms(conversationId), staffRoom(alsoStaffId)] : agentRooms(conversationId);
    if (forAgents) agents.to(rooms).emit('conversation', forAgents);
    visitors.to(conversationRoom(conversationId)).emit('conversation', forVisitor.conversation);
  };

  ctx.events.subscribe('message.appended', ({ conversationId, message }) => {
    if (stopped) return;
    visitors.to(conversationRoom(conversationId)).emit('message', message);
    agents.to(agentRooms(conversationId)).emit('message', { conversationId, message });
  });
  ctx.events.subscribe('message.changed', ({ conversationId, message }) => {
    if (stopped) return;
    agents.to(agentRooms(conversationId)).emit('message', { conversationId, message });
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
    await Promise.all([broadcastQueue(organisationId), broadcastConversation(conversationId, staffId)]);
  });
  ctx.events.subscribe('conversation.ended', async ({ organisationId, conversationId }) => {
    await Promise.all([broadcastQueue(organisationId), broadcastConversation(conversationId)]);
  });
  // An agent's status, to every console tab of theirs on every node (ADR 39); live views re-read it.
  ctx.events.subscribe('agent.status-changed', ({ organisationId, staffId, status, reason }) => {
    if (!stopped) agents.to(staffRoom(staffId)).emit('status', { status, reason });
    hintWallboards({ organisationId });
  });
  ctx.events.subscribe('conversation.changed', ({ conversationId }) => broadcastConversation(conversationId));
  // A supervisor took a chat over: their consoles follow it; the previous agent's hear the change, then leave it.
  ctx.events.subscribe(
    'conversation.taken-over',
    async ({ organisationId, conversationId, staffId, previousStaffId }) => {
      agents.in(staffRoom(staffId)).socketsJoin(conversationRoom(conversationId));
      hintWallboards({ organisationId });
      await broadcastConversation(conversationId);
      if (previousStaffId && !stopped)
        agents.in(staffRoom(previousStaffId)).socketsLeave(conversationRoom(conversationId));
    },
  );
  // Notes and whispers are staff's: the agent namespace only, never the resident's room (ADR 41).
  ctx.events.subscribe('chat-note.added', ({ conversationId, note }) => {
    if (!stopped) agents.to(conversationRoom(conversationId)).emit('note', { conversationId, note });
  });
  // A transfer: both agents hear the chat's new state (the one drops it, the other opens it), then
  // the rooms follow, on whichever node each console is connected.
  ctx.events.subscribe(
    'conversation.transferred',
    async ({ organisationId, conversationId, fromStaffId, toStaffId }) => {
      const [forAgents, forVisitor] = await Promise.all([
        agentConversation(ctx, conversationId),
        resumeForVisitor(ctx, conversationId, Number.MAX_SAFE_INTEGER),
      ]);
      if (stopped || !forAgents) return;
      visitors.to(conversationRoom(conversationId)).emit('conversation', forVisitor.conversation);
      const people = [fromStaffId, toStaffId].filter((id): id is string => id !== null).map(staffRoom);
      agents.to([conversationRoom(conversationId), ...people]).emit('conversation', forAgents);
      if (fromStaffId) agents.in(staffRoom(fromStaffId)).socketsLeave(conversationRoom(conversationId));
      if (toStaffId) agents.in(staffRoom(toStaffId)).socketsJoin(conversationRoom(conversationId));
      await broadcastQueue(organisationId);
    },
  );

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
