import { describe, expect, it } from 'vitest';
import { wallboardScopeOf } from '../src/features/access/access.rules.ts';
import { agentsAvailable, londonDayAround, longestWaitSeconds } from '../src/features/reports/wallboard.rules.ts';

describe('the wallboard’s figures', () => {
  it('counts today from London’s midnight, in summer time too', () => {
    expect(londonDayAround(new Date('2026-07-01T10:00:00Z'))).toEqual({
      start: new Date('2026-06-30T23:00:00.000Z'),
      end: new Date('2026-07-01T23:00:00.000Z'),
    });
    // The day the clocks go back is 25 hours long.
    expect(londonDayAround(new Date('2026-10-25T12:00:00Z'))).toEqual({
      start: new Date('2026-10-24T23:00:00.000Z'),
      end: new Date('2026-10-26T00:00:00.000Z'),
    });
    expect(londonDayAround(new Date('2026-12-05T00:30:00Z')).start.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    // Just after midnight in summer: still the same London day as its midnight.
    expect(londonDayAround(new Date('2026-07-01T23:30:00Z')).start.toISOString()).toBe('2026-07-01T23:00:00.000Z');
  });

  it('gives the longest wait in whole seconds, and none when nobody waits', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    expect(longestWaitSeconds(new Date('2026-12-05T09:58:30.900Z'), now)).toBe(89);
    expect(longestWaitSeconds(null, now)).toBe(0);
    expect(longestWaitSeconds(new Date('2026-12-05T10:00:02Z'), now)).toBe(0);
  });

  it('counts people who take chats, once however many tabs they have open', () => {
    expect(
      agentsAvailable([
        { staffId: 'a', role: 'agent' },
        { staffId: 'a', role: 'agent' },
        { staffId: 's', role: 'supervisor' },
        { staffId: 'p', role: 'privacy_officer' },
      ]),
    ).toBe(2);
    expect(agentsAvailable([])).toBe(0);
  });

  it('is for supervisors (their departments) and administrators, not agents or privacy officers', () => {
    expect(wallboardScopeOf({ staffId: 's', role: 'supervisor', departments: ['waste'] })).toEqual({
      kind: 'departments',
      departments: ['waste'],
    });
    expect(wallboardScopeOf({ staffId: 'a', role: 'admin', departments: [] })).toEqual({ kind: 'organisation' });
    expect(wallboardScopeOf({ staffId: 'g', role: 'agent', departments: [] })).toBeNull();
    expect(wallboardScopeOf({ staffId: 'p', role: 'privacy_officer', departments: [] })).toBeNull();
  });
});
