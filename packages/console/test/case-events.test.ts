import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../src/realtime/case-events.ts';
import {
  CaseEventListeners,
  caseUpdateAnnouncement,
  concernsCase,
  newEmails,
  sameContent,
} from '../src/realtime/case-events.ts';

const caseId = '00000000-0000-4000-8000-000000000001';
const otherId = '00000000-0000-4000-8000-000000000002';

describe('case events in the console', () => {
  it('tells every listener, until it stops listening', () => {
    const listeners = new CaseEventListeners();
    const a: CaseEvent[] = [];
    const b: CaseEvent[] = [];
    const stopA = listeners.add((event) => a.push(event));
    listeners.add((event) => b.push(event));
    listeners.emit({ caseId, reason: 'changed' });
    stopA();
    listeners.emit({ caseId: null, reason: 'reconnected' });
    expect(a).toEqual([{ caseId, reason: 'changed' }]);
    expect(b).toEqual([
      { caseId, reason: 'changed' },
      { caseId: null, reason: 'reconnected' },
    ]);
  });

  it('a listener may stop listening while it is told', () => {
    const listeners = new CaseEventListeners();
    const told: string[] = [];
    const stop = listeners.add(() => {
      told.push('first');
      stop();
    });
    listeners.add(() => told.push('second'));
    listeners.emit({ caseId, reason: 'changed' });
    listeners.emit({ caseId, reason: 'changed' });
    expect(told).toEqual(['first', 'second', 'second']);
  });

  it('an event concerns its case; a reconnect concerns every case', () => {
    expect(concernsCase({ caseId, reason: 'email-received' }, caseId)).toBe(true);
    expect(concernsCase({ caseId: otherId, reason: 'changed' }, caseId)).toBe(false);
    expect(concernsCase({ caseId: null, reason: 'reconnected' }, caseId)).toBe(true);
  });

  it('announces a resident’s new email, and other changes only when what is shown changed', () => {
    expect(caseUpdateAnnouncement(new Set(['email-received']), false)).toBe('New email from the resident on this case');
    expect(caseUpdateAnnouncement(new Set(['changed', 'email-received']), true)).toBe(
      'New email from the resident on this case',
    );
    expect(caseUpdateAnnouncement(new Set(['changed']), true)).toBe('This case was updated');
    // The agent's own change comes back as an event, but the page already shows it.
    expect(caseUpdateAnnouncement(new Set(['changed']), false)).toBeNull();
    expect(caseUpdateAnnouncement(new Set(['reconnected']), false)).toBeNull();
  });

  it('compares two reads of a case, and finds new emails by id', () => {
    expect(sameContent({ id: caseId, entries: [{ id: 'a' }] }, { id: caseId, entries: [{ id: 'a' }] })).toBe(true);
    expect(
      sameContent({ id: caseId, entries: [{ id: 'a' }] }, { id: caseId, entries: [{ id: 'a' }, { id: 'b' }] }),
    ).toBe(false);
    expect(newEmails([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toEqual([{ id: 'b' }]);
    expect(newEmails([{ id: 'a' }], [{ id: 'a' }])).toEqual([]);
  });
});
