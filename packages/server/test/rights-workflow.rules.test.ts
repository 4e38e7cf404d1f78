import { describe, expect, it } from 'vitest';
import {
  closeProblem,
  dueOnOf,
  extensionProblem,
  pausesOf,
  receivedProblem,
  statusChangeProblem,
  type RequestState,
} from '../src/features/rights/rights-workflow.rules.ts';
import { parseIsoDate } from '../src/features/rights/rights-deadlines.rules.ts';

const today = parseIsoDate('2026-06-01');
const request = (overrides: Partial<RequestState> = {}): RequestState => ({
  status: 'received',
  receivedOn: '2026-03-01',
  extensionMonths: 0,
  steps: [{ on: '2026-03-01', status: 'received' }],
  ...overrides,
});

describe('the rights request workflow', () => {
  it('reads pauses from the steps: both waiting statuses are one pause', () => {
    const steps: RequestState['steps'] = [
      { on: '2026-03-01', status: 'received' },
      { on: '2026-03-05', status: 'awaiting-identity' },
      { on: '2026-03-08', status: 'awaiting-clarification' },
      { on: '2026-03-12', status: 'in-progress' },
      { on: '2026-03-20', status: 'awaiting-clarification' },
    ];
    expect(pausesOf(steps)).toEqual([
      { from: parseIsoDate('2026-03-05'), to: parseIsoDate('2026-03-12') },
      { from: parseIsoDate('2026-03-20'), to: null },
    ]);
    expect(dueOnOf(request({ steps }), 'england-and-wales')).toBeNull();
    // Seven days stopped: 8 April 2026.
    expect(dueOnOf(request({ steps: steps.slice(0, 4) }), 'england-and-wales')).toBe('2026-04-08');
  });

  it('refuses a status change dated before the last step, in the future, or on a closed request', () => {
    const paused = request({ status: 'awaiting-identity', steps: [{ on: '2026-03-10', status: 'awaiting-identity' }] });
    expect(statusChangeProblem(paused, 'in-progress', '2026-03-09', today)).toMatch(/on or after 2026-03-10/);
    expect(statusChangeProblem(paused, 'in-progress', '2026-06-02', today)).toMatch(/today or in the past/);
    expect(statusChangeProblem(paused, 'awaiting-identity', '2026-03-11', today)).toMatch(/already/);
    expect(statusChangeProblem(paused, 'in-progress', '2026-03-10', today)).toBeNull();
    expect(statusChangeProblem(request({ status: 'withdrawn' }), 'in-progress', '2026-03-10', today)).toMatch(/closed/);
  });

  it('allows two months of extension in all, only while the clock runs', () => {
    expect(extensionProblem(request(), 2)).toBeNull();
    expect(extensionProblem(request({ extensionMonths: 1 }), 1)).toBeNull();
    expect(extensionProblem(request({ extensionMonths: 1 }), 2)).toMatch(/at most 1 more month/);
    expect(extensionProblem(request({ extensionMonths: 2 }), 1)).toMatch(/full two months/);
    expect(extensionProblem(request({ status: 'awaiting-clarification' }), 1)).toMatch(/Resume/);
    expect(extensionProblem(request({ status: 'completed' }), 1)).toMatch(/closed/);
  });

  it('closes once, and takes no request received in the future', () => {
    expect(closeProblem({ status: 'extended' })).toBeNull();
    expect(closeProblem({ status: 'refused' })).toMatch(/already closed/);
    expect(receivedProblem('2026-06-01', today)).toBeNull();
    expect(receivedProblem('2026-06-02', today)).toMatch(/today or in the past/);
  });
});
