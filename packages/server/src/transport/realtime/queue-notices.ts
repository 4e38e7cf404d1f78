import type { Server } from 'socket.io';
import type { QueuePosition } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { waitingPositions } from '../../features/conversations/queue-positions.ts';
import type { Reporter } from './handle-event.ts';
import { conversationRoom } from './rooms.ts';

/** Changes within this long are told once: a busy queue moves many times a second. */
const coalesceMs = 500;

/**
 * Tells each waiting resident their place in the queue and the usual wait (issue 11) when a chat
 * of their organisation is queued, accepted or ended: once per burst of changes, and only to those
 * whose figures changed since this node last told them.
 */
export function subscribeQueueNotices(
  io: Server,
  ctx: ServiceContext,
  report: Reporter,
): { stop: () => void; positionOnConnect: (conversationId: string) => Promise<QueuePosition | null> } {
  const visitors = io.of('/visitor');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const told = new Map<string, string>();
  let stopped = false;

  const tell = async (organisationId: string) => {
    const positions = await waitingPositions(ctx, organisationId);
    if (stopped) return;
    for (const id of told.keys()) if (!positions.has(id)) told.delete(id);
    for (const [id, position] of positions) {
      const said = JSON.stringify(position);
      if (told.get(id) === said) continue;
      told.set(id, said);
      visitors.to(conversationRoom(id)).emit('queue', position);
    }
  };
  const schedule = ({ organisationId }: { organisationId: string }) => {
    if (stopped || timers.has(organisationId)) return;
    timers.set(
      organisationId,
      setTimeout(() => {
        timers.delete(organisationId);
        tell(organisationId).catch(report);
      }, coalesceMs),
    );
  };
  ctx.events.subscribe('conversation.started', schedule);
  ctx.events.subscribe('conversation.accepted', schedule);
  ctx.events.subscribe('conversation.ended', schedule);
  return {
    /** A waiting resident's own figures for the socket that has just connected; null once answered.
     * Remembered as told, so the burst their own arrival starts does not say the same again. */
    positionOnConnect: async (conversationId) => {
      const position = (await waitingPositions(ctx, ctx.organisation.id)).get(conversationId) ?? null;
      if (position) told.set(conversationId, JSON.stringify(position));
      return position;
    },
    stop: () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
