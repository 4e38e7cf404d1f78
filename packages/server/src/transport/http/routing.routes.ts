import { z } from 'zod';
import {
  AgentRouting,
  AgentRoutingBody,
  DepartmentRouting,
  DepartmentRoutingBody,
  DepartmentRoutingParams,
  RoutingAgentsResponse,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { readAgentRouting, setAgentRouting } from '../../features/routing/agent-routing-settings.ts';
import { setDepartmentRouting } from '../../features/routing/set-department-routing.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const StaffIdParams = z.object({ id: z.uuid('That is not a member of staff’s id') });

/** Contact-centre routing (issue 11, ADR 39, 47): staff's skills and capacity, departments' routing; administrators. */
export function registerRoutingRoutes(api: ApiRouter, ctx: ServiceContext): void {
  api.route(
    {
      method: 'GET',
      url: '/api/routing/agents',
      summary: 'Every member of staff’s routing: status, skills, capacity and active chats; the skills to choose from',
      tag: 'staff',
      access: 'admin',
      response: RoutingAgentsResponse,
    },
    async () => readAgentRouting(ctx),
  );
  api.route(
    {
      method: 'PUT',
      url: '/api/staff/:id/routing',
      summary: 'Set a member of staff’s skills and the chats they may be given at once (null: the default)',
      tag: 'staff',
      access: 'admin',
      params: StaffIdParams,
      body: AgentRoutingBody,
      response: z.object({ agent: AgentRouting }),
    },
    async ({ params, body }) => ({ agent: await setAgentRouting(ctx, params.id, body) }),
  );
  api.route(
    {
      method: 'PUT',
      url: '/api/routing/departments/:departmentId',
      summary: 'Set a department’s routing strategy and chats at once (null: as the settings file says)',
      tag: 'staff',
      access: 'admin',
      params: DepartmentRoutingParams,
      body: DepartmentRoutingBody,
      response: z.object({ department: DepartmentRouting }),
    },
    async ({ params, body, request }) => ({
      department: await setDepartmentRouting(ctx, staffOf(request), params.departmentId, body),
    }),
  );
}
