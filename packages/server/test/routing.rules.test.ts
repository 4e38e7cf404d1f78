import { describe, expect, it } from 'vitest';
import { RoutingSettings } from '../src/shared/routing-settings.ts';
import {
  capacityOf,
  chooseAgent,
  chooseChat,
  nextAssignment,
  staffedDepartments,
  statusAfterIdle,
  statusOnConnect,
  strategyOf,
  withConsoleChanges,
  type RoutingAgent,
  type WaitingChat,
} from '../src/features/routing/routing.rules.ts';

const routing = RoutingSettings.parse({
  defaultCapacity: 2,
  departments: { parking: { strategy: 'round-robin' }, housing: { strategy: 'manual' }, waste: { capacity: 4 } },
  skills: [{ id: 'welsh', label: 'Welsh' }],
  topicSkills: { 'council-tax-welsh': ['welsh'] },
});
const agent = (id: string, facts: Partial<RoutingAgent> = {}): RoutingAgent => ({
  id,
  role: 'agent',
  status: 'available',
  departments: [],
  skills: [],
  capacity: null,
  load: 0,
  lastAssignedAt: null,
  ...facts,
});
const chat = (id: string, facts: Partial<WaitingChat> = {}): WaitingChat => ({
  id,
  topicId: 'council-tax',
  departmentId: 'council-tax',
  queuedAt: 1,
  ...facts,
});

describe('which agent a chat goes to', () => {
  it('least busy (the default): the fewest active chats, then the longest since their last chat', () => {
    const agents = [
      agent('a', { load: 1 }),
      agent('b', { load: 0, lastAssignedAt: 50 }),
      agent('c', { lastAssignedAt: 10 }),
    ];
    expect(chooseAgent(chat('x'), agents, routing, null)?.id).toBe('c');
    expect(chooseAgent(chat('x'), agents.slice(0, 2), routing, null)?.id).toBe('b');
    // Never given one: before anyone who has been, then in a fixed order.
    expect(chooseAgent(chat('x'), [agent('d'), agent('c', { lastAssignedAt: 1 }), agent('b')], routing, null)?.id).toBe(
      'b',
    );
  });

  it('round robin: the next agent after the last one given a chat, going round', () => {
    const agents = [agent('c'), agent('a'), agent('b', { load: 1 })];
    const parking = chat('x', { topicId: 'parking', departmentId: 'parking' });
    expect(chooseAgent(parking, agents, routing, null)?.id).toBe('a');
    expect(chooseAgent(parking, agents, routing, 'a')?.id).toBe('b');
    expect(chooseAgent(parking, agents, routing, 'b')?.id).toBe('c');
    expect(chooseAgent(parking, agents, routing, 'c')?.id).toBe('a');
  });

  it('manual: nobody is given the chat, agents pick it from the queue', () => {
    expect(chooseAgent(chat('x', { topicId: 'housing', departmentId: 'housing' }), [agent('a')], routing, null)).toBe(
      null,
    );
  });

  it('only available agents, who handle chats, in the chat’s department, with room', () => {
    const x = chat('x');
    expect(chooseAgent(x, [agent('a', { status: 'busy' })], routing, null)).toBe(null);
    expect(chooseAgent(x, [agent('a', { status: 'away' })], routing, null)).toBe(null);
    expect(chooseAgent(x, [agent('a', { status: 'offline' })], routing, null)).toBe(null);
    expect(chooseAgent(x, [agent('a', { role: 'privacy_officer' })], routing, null)).toBe(null);
    expect(chooseAgent(x, [agent('a', { departments: ['waste'] })], routing, null)).toBe(null);
    expect(chooseAgent(x, [agent('a', { departments: ['council-tax'] })], routing, null)?.id).toBe('a');
    expect(chooseAgent(x, [agent('a', { load: 2 })], routing, null)).toBe(null);
    expect(chooseAgent(x, [agent('a', { load: 2, capacity: 3 })], routing, null)?.id).toBe('a');
  });

  it('a topic that needs a skill goes only to agents who have it', () => {
    const welsh = chat('x', { topicId: 'council-tax-welsh' });
    expect(chooseAgent(welsh, [agent('a')], routing, null)).toBe(null);
    expect(chooseAgent(welsh, [agent('a'), agent('b', { skills: ['welsh'] })], routing, null)?.id).toBe('b');
  });

  it('capacity: their own, else the department’s, else the council’s default', () => {
    expect(capacityOf({ capacity: null }, routing, 'council-tax')).toBe(2);
    expect(capacityOf({ capacity: null }, routing, 'waste')).toBe(4);
    expect(capacityOf({ capacity: 1 }, routing, 'waste')).toBe(1);
  });
});

describe('which chat comes next', () => {
  it('the oldest waiting chat someone may take; one nobody may take does not hold up the rest', () => {
    const chats = [chat('new', { queuedAt: 3 }), chat('welsh', { topicId: 'council-tax-welsh', queuedAt: 1 })];
    const next = nextAssignment(chats, [agent('a')], routing, null);
    expect(next && [next.chat.id, next.agent.id]).toEqual(['new', 'a']);
    expect(nextAssignment(chats, [agent('a', { skills: ['welsh'] })], routing, null)?.chat.id).toBe('welsh');
    expect(nextAssignment(chats, [agent('a', { status: 'busy' })], routing, null)).toBe(null);
  });

  it('an agent with room gets the oldest chat they may take, never one of a manual department', () => {
    const chats = [
      chat('housing', { topicId: 'housing', departmentId: 'housing', queuedAt: 0 }),
      chat('later', { queuedAt: 5 }),
      chat('sooner', { queuedAt: 2 }),
    ];
    expect(chooseChat(agent('a'), chats, routing)?.id).toBe('sooner');
    expect(chooseChat(agent('a', { load: 2 }), chats, routing)).toBe(null);
  });
});

describe('agent status', () => {
  it('idling makes available and busy agents away; connecting restores what they chose', () => {
    expect(statusAfterIdle('available')).toBe('away');
    expect(statusAfterIdle('busy')).toBe('away');
    expect(statusAfterIdle('offline')).toBe('offline');
    expect(statusOnConnect('offline', 'available')).toBe('available');
    expect(statusOnConnect('away', 'available')).toBe('away');
  });
});

describe('a department’s routing set in the console (ADR 47)', () => {
  it('takes the place of the settings file’s, part by part; nulls leave the file’s as it is', () => {
    const changed = withConsoleChanges(routing, [
      { departmentId: 'housing', strategy: 'least-busy', capacity: null },
      { departmentId: 'waste', strategy: 'round-robin', capacity: null },
      { departmentId: 'council-tax', strategy: null, capacity: 5 },
      { departmentId: 'parking', strategy: null, capacity: null },
    ]);
    expect(strategyOf(changed, 'housing')).toBe('least-busy');
    expect(changed.departments.waste).toEqual({ strategy: 'round-robin', capacity: 4 });
    expect(changed.departments['council-tax']).toEqual({ strategy: 'least-busy', capacity: 5 });
    expect(capacityOf(agent('a'), changed, 'council-tax')).toBe(5);
    expect(strategyOf(changed, 'parking')).toBe('round-robin');
    // The file's settings are not changed.
    expect(strategyOf(routing, 'housing')).toBe('manual');
  });
});

describe('which departments are staffed, for the widget (issue 11)', () => {
  const all = ['council-tax', 'waste', 'housing'];
  it('those the answering staff work in; no departments listed is every one; privacy officers answer none', () => {
    expect(staffedDepartments([], all)).toEqual(new Set());
    expect(staffedDepartments([{ role: 'agent', departments: ['waste'] }], all)).toEqual(new Set(['waste']));
    expect(staffedDepartments([{ role: 'supervisor', departments: [] }], all)).toEqual(new Set(all));
    expect(staffedDepartments([{ role: 'privacy_officer', departments: ['housing'] }], all)).toEqual(new Set());
    expect(staffedDepartments([{ role: 'admin', departments: ['waste'] }], all)).toEqual(new Set(all));
  });
});
