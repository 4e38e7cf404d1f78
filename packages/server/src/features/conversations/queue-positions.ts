import type { QueuePosition } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { recentChatWaits } from '../contact-events/contact-events.repository.ts';
import { listWaiting } from './conversations.repository.ts';
import { queuePositions, usualWaitMinutes, waitHistoryDays, waitSamples } from './queue-position.rules.ts';

/** Enough for any council's queue; a chat further back hears its place once the queue moves. */
const queueLimit = 1000;

/**
 * Every waiting chat's place in its department's queue and the department's usual wait (issue 11).
 * Ids, counts and durations only: nothing personal is read, so nothing is audited (ADR 12).
 */
export async function waitingPositions(
  ctx: ServiceContext,
  organisationId: string,
  now = new Date(),
): Promise<Map<string, QueuePosition>> {
  const waiting = await listWaiting(ctx.db, organisationId, null, queueLimit);
  const positions = queuePositions(waiting.map((chat) => ({ id: chat.id, departmentId: chat.department_id })));
  const departments = [...new Set(waiting.map((chat) => chat.department_id))];
  const since = new Date(now.getTime() - waitHistoryDays * 86_400_000);
  const waits = await recentChatWaits(ctx.db, organisationId, departments, since, waitSamples);
  const result = new Map<string, QueuePosition>();
  for (const [id, { departmentId, position }] of positions)
    result.set(id, { position, waitMinutes: usualWaitMinutes(waits.get(departmentId) ?? []) });
  return result;
}
