import { LiveView } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { ConnectedStaff } from '../../features/reports/read-wallboard.ts';
import { readLiveView } from '../../features/supervision/read-live-view.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

/**
 * Supervision (issue 11): the live view of a supervisor's departments. Opening and taking over a
 * chat are realtime events (transport/realtime/supervision-events.ts).
 */
export function registerSupervisionRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { connectedStaff: ConnectedStaff },
): void {
  api.route(
    {
      method: 'GET',
      url: '/api/supervision/live',
      summary: 'A supervisor’s live view: queues, longest waits, staff connected and their chats, live chats',
      tag: 'reports',
      access: 'staff',
      response: LiveView,
    },
    async ({ request }) => readLiveView(ctx, staffOf(request), options.connectedStaff),
  );
}
