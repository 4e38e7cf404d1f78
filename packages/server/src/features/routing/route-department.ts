import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { lockConversation } from '../conversations/conversations.repository.ts';
import { assignConversation, publishAssigned, type Assigned } from '../conversations/assign-conversation.ts';
import { mayBeGiven, nextAssignment, strategyOf, type RoutingAgent, type WaitingChat } from './routing.rules.ts';
import {
  availableAgents,
  lastAssignedIn,
  lockAgentForRouting,
  lockDepartmentRouting,
  markAssigned,
  waitingChatsOf,
} from './routing.repository.ts';
import { currentRouting } from './current-routing.ts';

/** How far down a department's queue one pass looks for a chat someone may take. */
const queueLookahead = 500;
/** Attempts in a row that found the world changed under them before this pass stops (the next one carries on). */
const retriesMax = 5;

type Attempt = 'none' | 'changed' | { assigned: Assigned; chatId: string; staffId: string };

const toAgent = (row: {
  staff_id: string;
  role: RoutingAgent['role'];
  departments: string[];
  skills: string[];
  capacity: number | null;
  status: RoutingAgent['status'];
  load: number;
  last_assigned_at: Date | null;
}): RoutingAgent => ({
  id: row.staff_id,
  role: row.role,
  status: row.status,
  departments: row.departments,
  skills: row.skills,
  capacity: row.capacity,
  load: row.load,
  lastAssignedAt: row.last_assigned_at?.getTime() ?? null,
});

/**
 * Gives the department's waiting chats to its available agents until nobody more can be given one
 * (ADR 39). Each chat is one transaction: the department's advisory lock (one router per department
 * on every node), then the chosen agent's row lock with their load counted again (capacity holds
 * whatever other departments give them meanwhile), then the chat's row lock, checked still waiting
 * (an agent may have accepted it). Returns how many chats it gave.
 */
export async function routeDepartment(ctx: ServiceContext, departmentId: string): Promise<number> {
  const { settings } = ctx.organisation;
  const routing = await currentRouting(ctx);
  if (strategyOf(routing, departmentId) === 'manual') return 0;
  const topicIds = settings.topics.filter((topic) => topic.department === departmentId).map((topic) => topic.id);
  let given = 0;
  for (let retries = 0; retries < retriesMax;) {
    const attempt = await ctx.db.transaction().execute(async (tx): Promise<Attempt> => {
      await lockDepartmentRouting(tx, ctx.organisation.id, departmentId);
      const agents = (await availableAgents(tx, ctx.organisation.id)).map(toAgent);
      if (agents.length === 0) return 'none';
      const chats: WaitingChat[] = (await waitingChatsOf(tx, ctx.organisation.id, topicIds, queueLookahead)).map(
        (row) => ({ id: row.id, topicId: row.topic_id, departmentId, queuedAt: row.created_at.getTime() }),
      );
      const next = nextAssignment(chats, agents, routing, await lastAssignedIn(tx, ctx.organisation.id, departmentId));
      if (!next) return 'none';
      const agentRow = await lockAgentForRouting(tx, ctx.organisation.id, next.agent.id);
      if (!agentRow || agentRow.disabled_at || !mayBeGiven(toAgent(agentRow), next.chat, routing)) return 'changed';
      const conversation = await lockConversation(tx, ctx.keyring, next.chat.id);
      if (!conversation || conversation.status !== 'waiting') return 'changed';
      const staff: StaffPrincipal = {
        id: agentRow.staff_id,
        organisationId: agentRow.organisation_id,
        email: agentRow.email,
        firstName: agentRow.first_name,
        lastName: agentRow.last_name,
        role: agentRow.role,
        source: 'routing',
      };
      const assigned = await assignConversation(tx, ctx, conversation, staff);
      await markAssigned(tx, ctx.organisation.id, departmentId, staff.id);
      return { assigned, chatId: conversation.id, staffId: staff.id };
    });
    if (attempt === 'none') break;
    if (attempt === 'changed') {
      retries++;
      continue;
    }
    retries = 0;
    given++;
    publishAssigned(
      ctx,
      { organisationId: ctx.organisation.id, conversationId: attempt.chatId, staffId: attempt.staffId },
      attempt.assigned,
    );
  }
  return given;
}
