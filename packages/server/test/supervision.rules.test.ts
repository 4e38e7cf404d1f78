import { describe, expect, it } from 'vitest';
import { RoutingSettings } from '../src/shared/routing-settings.ts';
import { agentLoads, colleagueJoinedText, departmentQueues } from '../src/features/supervision/supervision.rules.ts';

const now = new Date('2026-03-02T10:00:00Z');
const departments = [
  { id: 'council-tax', label: 'Council Tax' },
  { id: 'waste', label: 'Waste and recycling' },
  { id: 'housing', label: 'Housing' },
];
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('the supervisor’s live view', () => {
  it('counts each department’s queue and its longest wait, empty departments included', () => {
    expect(
      departmentQueues(
        [
          { id: 'council-tax', label: 'Council Tax' },
          { id: 'waste', label: 'Waste and recycling' },
        ],
        [
          { departmentId: 'council-tax', waitingSince: minutesAgo(2) },
          { departmentId: 'council-tax', waitingSince: minutesAgo(7) },
          { departmentId: 'housing', waitingSince: minutesAgo(30) },
        ],
        now,
      ),
    ).toEqual([
      { departmentId: 'council-tax', label: 'Council Tax', waiting: 2, longestWaitSeconds: 420 },
      { departmentId: 'waste', label: 'Waste and recycling', waiting: 0, longestWaitSeconds: 0 },
    ]);
  });

  it('lists the staff who answer chats, connected first, with their status, chats now and capacity', () => {
    const row = { departments: [] as string[], status: null, statusSince: null, capacity: null };
    const staff = [
      { ...row, id: 'b', firstName: 'Bea', lastName: 'Agent', role: 'agent' as const },
      { ...row, id: 'a', firstName: 'Al', lastName: 'Agent', role: 'agent' as const },
      { ...row, id: 's', firstName: 'Sue', lastName: 'Pervisor', role: 'supervisor' as const },
      { ...row, id: 'p', firstName: 'Pat', lastName: 'Privacy', role: 'privacy_officer' as const },
    ];
    const context = {
      connectedIds: new Set(['s', 'b', 'p']),
      activeChats: new Map([['b', 3]]),
      routing: RoutingSettings.parse({}),
      departments,
      shown: null,
    };
    const never = { status: 'offline', statusSince: null, capacity: 3, departments: [] };
    expect(agentLoads(staff, context)).toEqual([
      { staffId: 'b', name: 'Bea Agent', connected: true, activeChats: 3, ...never },
      { staffId: 's', name: 'Sue Pervisor', connected: true, activeChats: 0, ...never },
      { staffId: 'a', name: 'Al Agent', connected: false, activeChats: 0, ...never },
    ]);
  });

  it('gives each agent’s status since it began, their departments, and the capacity of the departments shown', () => {
    const routing = RoutingSettings.parse({
      defaultCapacity: 3,
      departments: { housing: { capacity: 2 }, 'council-tax': { capacity: 5 } },
    });
    const agent = {
      id: 'h',
      firstName: 'Hal',
      lastName: 'Agent',
      role: 'agent' as const,
      departments: ['council-tax', 'housing'],
      status: 'available' as const,
      statusSince: minutesAgo(12),
      capacity: null,
    };
    const view = (shown: string[] | null, own: number | null = null) =>
      agentLoads([{ ...agent, capacity: own }], {
        connectedIds: new Set(['h']),
        activeChats: new Map(),
        routing,
        departments,
        shown,
      })[0];
    expect(view(['housing'])).toMatchObject({
      status: 'available',
      statusSince: minutesAgo(12).toISOString(),
      capacity: 2,
      departments: ['Council Tax', 'Housing'],
    });
    expect(view(null)?.capacity).toBe(5);
    expect(view(['waste'])?.capacity).toBe(3);
    expect(view(['housing'], 4)?.capacity).toBe(4);
  });

  it('tells the resident a colleague joined, without a name', () => {
    expect(colleagueJoinedText).toBe('A colleague has joined the chat');
  });
});
