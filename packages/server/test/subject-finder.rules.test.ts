import { describe, expect, it } from 'vitest';
import {
  addMatches,
  byStrength,
  finderQueryProblem,
  finderTerms,
  matchedList,
} from '../src/features/rights/subject-finder.rules.ts';

describe('the subject finder’s rules', () => {
  it('says which field cannot be searched for, and what to type', () => {
    expect(finderQueryProblem({ name: 'Ann Lee', email: 'ann@example.com' })).toBeNull();
    expect(finderQueryProblem({ name: 'A' })).toEqual({ field: 'name', message: 'Enter a name of at least 2 letters' });
    expect(finderQueryProblem({ phone: 'call me' })?.field).toBe('phone');
    expect(finderQueryProblem({ postcode: 'ZZ' })?.field).toBe('postcode');
    expect(finderQueryProblem({ caseReference: 'nope' })?.field).toBe('caseReference');
  });

  it('searches each field on its own, as normalised blind-index terms', () => {
    const terms = finderTerms({ name: 'Ann-Marie Lee', phone: '01632 960 001', caseReference: '4k7m 9p2q' });
    expect(terms.byField).toEqual([
      {
        field: 'name',
        terms: [
          { kind: 'name', value: 'ann' },
          { kind: 'name', value: 'marie' },
          { kind: 'name', value: 'lee' },
        ],
      },
      { field: 'phone', terms: [{ kind: 'phone', value: '+441632960001' }] },
    ]);
    expect(terms.caseReference).toBe('4K7M-9P2Q');
  });

  it('lists matched fields in one order and ranks more matches, then newer contacts, first', () => {
    const found = new Map();
    addMatches(found, 'a', ['postcode']);
    addMatches(found, 'a', ['name', 'postcode']);
    expect(matchedList(found.get('a'))).toEqual(['name', 'postcode']);
    const list = [
      { id: 'old', matched: ['name'], at: '2026-01-01T00:00:00.000Z' },
      { id: 'none', matched: ['name'], at: null },
      { id: 'two', matched: ['name', 'email'], at: '2025-01-01T00:00:00.000Z' },
      { id: 'new', matched: ['name'], at: '2026-06-01T00:00:00.000Z' },
    ].sort(byStrength);
    expect(list.map((c) => c.id)).toEqual(['two', 'new', 'old', 'none']);
  });
});
