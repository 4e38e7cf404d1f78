import * as z from 'zod';
import { AgentStatus } from './routing.ts';

/**
 * A supervisor's live view of their departments (issue 11): the queue of each, who is working and
 * how many chats each has, and the live chats they may open. No resident's details: case
 * references, topics, departments and staff names only, like the queue.
 */
export const LiveViewDepartment = z.object({
  departmentId: z.string(),
  label: z.string(),
  waiting: z.number().int(),
  /** Whole seconds; 0 when nobody waits. */
  longestWaitSeconds: z.number().int(),
});

export const LiveViewAgent = z.object({
  staffId: z.uuid(),
  name: z.string(),
  /** With the console open now (a connected agent socket). */
  connected: z.boolean(),
  /** Chats they are handling now. */
  activeChats: z.number().int(),
  /** Their routing status (ADR 39); offline if they never connected. */
  status: AgentStatus,
  /** When that status began; null if they have none yet. */
  statusSince: z.iso.datetime().nullable(),
  /** The most chats routing gives them at once in the departments shown (their own, else the department's). */
  capacity: z.number().int(),
  /** The labels of the departments they work in; empty: every department. */
  departments: z.array(z.string()),
});

export const LiveViewChat = z.object({
  conversationId: z.uuid(),
  caseReference: z.string(),
  topicLabel: z.string(),
  departmentLabel: z.string(),
  agentStaffId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
});

export const LiveView = z.object({
  asOf: z.iso.datetime(),
  departments: z.array(LiveViewDepartment),
  agents: z.array(LiveViewAgent),
  chats: z.array(LiveViewChat),
});
export type LiveView = z.infer<typeof LiveView>;
export type LiveViewDepartment = z.infer<typeof LiveViewDepartment>;
export type LiveViewAgent = z.infer<typeof LiveViewAgent>;
export type LiveViewChat = z.infer<typeof LiveViewChat>;
