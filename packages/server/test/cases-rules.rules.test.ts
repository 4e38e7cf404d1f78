import { describe, expect, it } from 'vitest';
import { caseReferenceFromRandom } from '@ward/protocol';
import { findQuotedCaseReferences, maxQuotedReferences } from '@ward/protocol';
import {
  canActOnCase,
  decodeChange,
  decodeLink,
  encodeDetail,
  linkPair,
  statusWhenChatEnds,
} from '../src/features/cases/case-access.rules.ts';

const reference = (seed: number) =>
  caseReferenceFromRandom(Array.from({ length: 7 }, (_, i) => (seed * 7 + i * 5) % 32));

describe('finding quoted case references in text', () => {
  const ref = reference(3);
  const [left, right] = ref.split('-') as [string, string];

  it('finds a reference however the resident wrote it', () => {
    expect(findQuotedCaseReferences(`My reference is ${ref}, thanks`)).toEqual([ref]);
    expect(findQuotedCaseReferences(`ref: ${left.toLowerCase()} ${right.toLowerCase()}`)).toEqual([ref]);
    expect(findQuotedCaseReferences(`(${left}${right})`)).toEqual([ref]);
    expect(findQuotedCaseReferences(`case ${left} - ${right}.`)).toEqual([ref]);
  });

  it('finds a reference right after another four-letter word', () => {
    expect(findQuotedCaseReferences(`case ${left} ${right}`)).toEqual([ref]);
  });

  it('ignores shapes whose check symbol is wrong, and text with no reference', () => {
    const wrongCheck = ref.slice(0, -1) + (ref.endsWith('0') ? '1' : '0');
    expect(findQuotedCaseReferences(`My reference is ${wrongCheck}`)).toEqual([]);
    expect(findQuotedCaseReferences('My bin was not collected on Tuesday 12/03/2027')).toEqual([]);
    expect(findQuotedCaseReferences(`${left}${right}X`)).toEqual([]);
  });

  it('lists each reference once, in order, and at most a bounded number', () => {
    const other = reference(11);
    expect(findQuotedCaseReferences(`${other} and ${ref} and again ${other.toLowerCase()}`)).toEqual([other, ref]);
    const many = Array.from({ length: 40 }, (_, i) => reference(i + 1)).join(' , ');
    expect(findQuotedCaseReferences(many)).toHaveLength(maxQuotedReferences);
  });
});

describe('who may act on a case', () => {
  it('lets administrators and staff without departments act on every case; others only on their departments', () => {
    expect(canActOnCase({ role: 'admin', departments: ['housing'] }, 'waste')).toBe(true);
    expect(canActOnCase({ role: 'agent', departments: [] }, 'waste')).toBe(true);
    expect(canActOnCase({ role: 'agent', departments: ['housing'] }, 'waste')).toBe(false);
    expect(canActOnCase({ role: 'agent', departments: ['housing', 'waste'] }, 'waste')).toBe(true);
  });

  it('closes an open chat case when the chat ends, but keeps a status staff chose', () => {
    expect(statusWhenChatEnds('open')).toBe('closed');
    expect(statusWhenChatEnds('awaiting-council')).toBe('awaiting-council');
    expect(statusWhenChatEnds('awaiting-resident')).toBe('awaiting-resident');
  });

  it('stores a link pair in one order whichever side made it', () => {
    expect(linkPair('b', 'a')).toEqual(linkPair('a', 'b'));
    expect(linkPair('a', 'b')).toEqual({ case_id: 'a', linked_case_id: 'b' });
  });

  it('reads back what it recorded, and nothing from a malformed detail', () => {
    expect(decodeChange(encodeDetail({ from: 'open', to: 'closed' }))).toEqual({ from: 'open', to: 'closed' });
    expect(decodeLink(encodeDetail({ action: 'linked', caseId: 'x', caseReference: 'y' }))).toEqual({
      action: 'linked',
      caseId: 'x',
      caseReference: 'y',
    });
    expect(decodeChange('not json')).toBeNull();
    expect(decodeLink(encodeDetail({ from: null, to: 'a' }))).toBeNull();
  });
});
