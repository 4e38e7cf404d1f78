import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoutingSettings } from '../src/shared/routing-settings.ts';
import {
  capacityOf,
  mayBeGiven,
  nextAssignment,
  strategyOf,
  type AgentStatus,
  type RoutingAgent,
  type WaitingChat,
} from '../src/features/routing/routing.rules.ts';

/**
 * A model-based property test of routing: random arrivals, chats ending and status changes, with
 * routing run after each as the server runs it (department by department, until nothing more can
 * be given). After every step: nobody over capacity, no chat given twice, departments and skills
 * respected, and no chat left waiting in a routed department while an available agent could take it.
 */
const departments = ['tax', 'waste'] as const;
const topics = [
  { id: 'tax', departmentId: 'tax' },
  { id: 'tax-welsh', departmentId: 'tax' },
  { id: 'bins', departmentId: 'waste' },
];

type Step =
  | { kind: 'arrive'; topic: number }
  | { kind: 'end'; pick: number }
  | { kind: 'status'; agent: number; status: AgentStatus };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('arrive' as const), topic: fc.nat(topics.length - 1) }),
  fc.record({ kind: fc.constant('end' as const), pick: fc.nat(100) }),
  fc.record({
    kind: fc.constant('status' as const),
    agent: fc.nat(3),
    status: fc.constantFrom<AgentStatus>('available', 'busy', 'away', 'offline'),
  }),
);

const agentFacts = fc.record({
  departments: fc.subarray([...departments]),
  welsh: fc.boolean(),
  capacity: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  role: fc.constantFrom('agent' as const, 'supervisor' as const, 'privacy_officer' as const),
});

const settings = fc.record({
  tax: fc.constantFrom('least-busy' as const, 'round-robin' as const, 'manual' as const),
  waste: fc.constantFrom('least-busy' as const, 'round-robin' as const, 'manual' as const),
  defaultCapacity: fc.integer({ min: 1, max: 3 }),
  wasteCapacity: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

describe('routing, against a model of arrivals, endings and status changes', () => {
  it('never over capacity, never twice, departments and skills respected, nobody left waiting while someone could take them', () => {
    fc.assert(
      fc.property(
        settings,
        fc.array(agentFacts, { minLength: 4, maxLength: 4 }),
        fc.array(step, { maxLength: 80 }),
        (s, facts, steps) => {
          const routing = RoutingSettings.parse({
            defaultCapacity: s.defaultCapacity,
            departments: { tax: { strategy: s.tax }, waste: { strategy: s.waste, capacity: s.wasteCapacity } },
            skills: [{ id: 'welsh', label: 'Welsh' }],
            topicSkills: { 'tax-welsh': ['welsh'] },
          });
          const agents: RoutingAgent[] = facts.map((f, index) => ({
            id: `agent-${index}`,
            role: f.role,
            status: 'offline',
            departments: f.departments,
            skills: f.welsh ? ['welsh'] : [],
            capacity: f.capacity,
            load: 0,
            lastAssignedAt: null,
          }));
          const waiting: WaitingChat[] = [];
          const active = new Map<string, string>(); // chat → agent
          const given = new Map<string, number>(); // chat → times given
          const cursors: Record<string, string | null> = { tax: null, waste: null };
          let clock = 0;

          const route = () => {
            for (const department of departments) {
              for (;;) {
                const chats = waiting.filter((chat) => chat.departmentId === department);
                const next = nextAssignment(chats, agents, routing, cursors[department] ?? null);
                if (!next) break;
                const { chat, agent } = next;
                expect(agent.status).toBe('available');
                expect(agent.load).toBeLessThan(capacityOf(agent, routing, chat.departmentId));
                expect(agent.departments.length === 0 || agent.departments.includes(chat.departmentId)).toBe(true);
                if (chat.topicId === 'tax-welsh') expect(agent.skills).toContain('welsh');
                expect(strategyOf(routing, department)).not.toBe('manual');
                waiting.splice(waiting.indexOf(chat), 1);
                active.set(chat.id, agent.id);
                given.set(chat.id, (given.get(chat.id) ?? 0) + 1);
                agent.load++;
                agent.lastAssignedAt = ++clock;
                cursors[department] = agent.id;
              }
            }
          };

          let chatNumber = 0;
          for (const action of steps) {
            if (action.kind === 'arrive') {
              const topic = topics[action.topic]!;
              waiting.push({
                id: `chat-${++chatNumber}`,
                topicId: topic.id,
                departmentId: topic.departmentId,
                queuedAt: ++clock,
              });
            } else if (action.kind === 'end') {
              const ids = [...active.keys()];
              const id = ids[action.pick % Math.max(ids.length, 1)];
              if (id) {
                agents.find((agent) => agent.id === active.get(id))!.load--;
                active.delete(id);
              }
            } else {
              // A change of status keeps the agent's chats: only new ones depend on it.
              agents[action.agent]!.status = action.status;
            }
            route();

            for (const agent of agents) {
              const mine = [...active.values()].filter((id) => id === agent.id).length;
              expect(agent.load).toBe(mine);
              const most = Math.max(...departments.map((d) => capacityOf(agent, routing, d)));
              expect(mine).toBeLessThanOrEqual(most);
            }
            for (const times of given.values()) expect(times).toBe(1);
            for (const chat of waiting) {
              if (strategyOf(routing, chat.departmentId) === 'manual') continue;
              expect(agents.filter((agent) => mayBeGiven(agent, chat, routing))).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
