import type { Namespace, Socket } from 'socket.io';
import { AgentStatusPayload, EmptyPayload } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import {
  agentActive,
  agentConnected,
  agentLeft,
  chooseStatus,
  presenceClock,
} from '../../features/routing/agent-status.ts';
import { handleEvent, type EventOptions, type Reporter } from './handle-event.ts';
import { staffRoom } from './rooms.ts';

/** Console activity is written at most this often per tab: enough for an idle time counted in minutes. */
const activityEveryMs = 60 * 1000;

/**
 * An agent socket's part in routing (ADR 39): the status they chose comes back when a tab
 * connects, `status:set` changes it, any event is activity (so they do not go away while working),
 * and when their last tab on every node closes they are offline.
 */
export async function setUpAgentPresence(
  nsp: Namespace,
  socket: Socket,
  ctx: ServiceContext,
  staff: StaffPrincipal,
  options: EventOptions & { report: Reporter; closing: () => boolean },
): Promise<void> {
  let activeAt = Date.now();
  socket.use((_packet, next) => {
    if (Date.now() - activeAt >= activityEveryMs) {
      activeAt = Date.now();
      agentActive(ctx, staff).catch(options.report);
    }
    next();
  });
  socket.on(
    'status:set',
    handleEvent(socket, AgentStatusPayload, ({ status }) => chooseStatus(ctx, staff, status), options),
  );
  socket.on(
    'activity',
    handleEvent(socket, EmptyPayload, async () => {}, options),
  );
  socket.on('disconnect', () => {
    // A node shutting down drops every tab, which reconnect to another node: nobody has left.
    if (options.closing()) return;
    // The clock is read before asking the nodes, so a tab that connects meanwhile keeps them online.
    void presenceClock(ctx)
      .then(async (since) => {
        const open = await nsp.in(staffRoom(staff.id)).fetchSockets();
        if (open.length === 0) await agentLeft(ctx, staff, since);
      })
      // A check cut short by this node shutting down is for the next node to make.
      .catch((error: unknown) => options.closing() || options.report(error));
  });
  // In the staff room before the connection is recorded: see `agentLeft`'s check above.
  await socket.join(staffRoom(staff.id));
  const status = await agentConnected(ctx, staff);
  socket.emit('status', { status, reason: 'connected' });
}
