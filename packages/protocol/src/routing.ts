import * as z from 'zod';

/**
 * Contact-centre routing (issue 11, ADR 39). An agent's status: only `available` agents are given
 * chats; `busy` keeps their chats but gets no new ones; `away` is set after a while with no
 * console activity (or chosen); `offline` once their last console tab closes.
 */
export const AgentStatus = z.enum(['available', 'busy', 'away', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** What an agent may choose (offline follows their console tabs). */
export const ChosenAgentStatus = z.enum(['available', 'busy', 'away'], 'Select available, busy or away');
export type ChosenAgentStatus = z.infer<typeof ChosenAgentStatus>;

/** `status:set` (agent → server). */
export const AgentStatusPayload = z.object({ status: ChosenAgentStatus });

/** `status` (server → every console tab of the agent): why it changed, so the console can say so. */
export type AgentStatusEvent = { status: AgentStatus; reason: 'chosen' | 'connected' | 'idle' };

/** The most chats at once an administrator may set for anyone (a limit on a typo, not a target). */
export const agentCapacityMax = 20;
/** Chats at once, as an administrator sets it for an adviser or a department; null: the default. */
export const chatsAtOnce = z
  .number('Enter the number of chats at once, like 3')
  .int('Enter a whole number of chats')
  .min(1, 'Enter at least 1 chat at once')
  .max(agentCapacityMax, `Enter ${agentCapacityMax} chats at once or fewer`)
  .nullable();

/** `PUT /api/staff/:id/routing` (admin): skills from the council's list; capacity null: the default. */
export const AgentRoutingBody = z.object({
  skills: z
    .array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'Select skills from the list'))
    .max(50, 'Select 50 skills or fewer')
    .refine((ids) => new Set(ids).size === ids.length, 'Select each skill once'),
  capacity: chatsAtOnce,
});
export type AgentRoutingBody = z.infer<typeof AgentRoutingBody>;

export const AgentRouting = z.object({
  staffId: z.uuid(),
  status: AgentStatus,
  skills: z.array(z.string()),
  /** Their own; null: the department's or the council's default. */
  capacity: z.number().int().nullable(),
  activeChats: z.number().int(),
});
export type AgentRouting = z.infer<typeof AgentRouting>;

/** How a department's chats reach its agents: given to the least busy, in turn, or taken from the queue. */
export const RoutingStrategyName = z.enum(['least-busy', 'round-robin', 'manual']);

/**
 * A department's routing as it applies now: what an administrator set in the console, else what the
 * council's settings file sets (ADR 47); capacity null: the council's default.
 */
export const DepartmentRouting = z.object({
  departmentId: z.string(),
  label: z.string(),
  strategy: RoutingStrategyName,
  capacity: z.number().int().nullable(),
  /** Whether the strategy or the capacity was set in the console rather than in the settings file. */
  setInConsole: z.boolean(),
  /** What the console set, each null where the settings file's applies. */
  consoleStrategy: RoutingStrategyName.nullable(),
  consoleCapacity: z.number().int().nullable(),
});
export type DepartmentRouting = z.infer<typeof DepartmentRouting>;

/**
 * `GET /api/routing/agents` (admin): the skills to choose from, the default capacity, each
 * department's strategy and capacity, and everyone's routing.
 */
export const RoutingAgentsResponse = z.object({
  skills: z.array(z.object({ id: z.string(), label: z.string() })),
  defaultCapacity: z.number().int(),
  departments: z.array(DepartmentRouting),
  agents: z.array(AgentRouting),
});
export type RoutingAgentsResponse = z.infer<typeof RoutingAgentsResponse>;
