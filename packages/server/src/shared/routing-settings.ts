import { z } from 'zod';

const slugId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** How a department's chats reach its agents (issue 11, ADR 39). */
export const RoutingStrategy = z.enum(['least-busy', 'round-robin', 'manual']);
export type RoutingStrategy = z.infer<typeof RoutingStrategy>;

/** The most chats anyone may be given at once: a limit on a typo, not a target. */
export const capacityMax = 20;
const capacity = z.number().int().min(1).max(capacityMax);

/**
 * Contact-centre routing: each department's strategy and capacity, the skills staff may be given
 * (e.g. Welsh) and the skills a topic's chats need. Every part has a default, so a settings file
 * without `routing` stays valid: least busy in every department, three chats at once, no skills.
 */
export const RoutingSettings = z.strictObject({
  /** Chats at once for a member of staff whose own capacity is not set and whose department sets none. */
  defaultCapacity: capacity.default(3),
  departments: z
    .record(slugId, z.strictObject({ strategy: RoutingStrategy.default('least-busy'), capacity: capacity.optional() }))
    .default({}),
  /** The skills an administrator may give staff, in the order the console lists them. */
  skills: z
    .array(z.strictObject({ id: slugId, label: z.string().min(1).max(100) }))
    .max(50)
    .default([]),
  /** Topic id → the skills an agent needs, all of them, to be given its chats. */
  topicSkills: z.record(slugId, z.array(slugId).max(10)).default({}),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;

/** Names in `routing` that must be the settings' own departments, topics and skills. */
export function routingIssues(
  routing: RoutingSettings,
  departments: ReadonlySet<string>,
  topics: ReadonlySet<string>,
): Array<{ path: (string | number)[]; message: string }> {
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  const skills = new Set(routing.skills.map((s) => s.id));
  for (const id of Object.keys(routing.departments))
    if (!departments.has(id))
      issues.push({ path: ['routing', 'departments', id], message: `department "${id}" is not in departments` });
  for (const [topic, needed] of Object.entries(routing.topicSkills)) {
    if (!topics.has(topic))
      issues.push({ path: ['routing', 'topicSkills', topic], message: `topic "${topic}" is not in topics` });
    for (const skill of needed)
      if (!skills.has(skill))
        issues.push({ path: ['routing', 'topicSkills', topic], message: `skill "${skill}" is not in routing.skills` });
  }
  return issues;
}
