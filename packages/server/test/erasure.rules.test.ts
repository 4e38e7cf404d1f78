import { describe, expect, it } from 'vitest';
import {
  erasureChoiceProblem,
  erasureStepReason,
  idsByKind,
  planErasure,
  scopeItems,
} from '../src/features/rights/erasure.rules.ts';
import type { SubjectScope } from '../src/features/rights/subject-scope.rules.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [record, merged, caseA, caseB, chatA, formB, emailB, disclosureA] = [1, 2, 3, 4, 5, 6, 7, 8].map(id);
const [recordKey, chatKey, caseBKey] = ['k-record', 'k-chat', 'k-case-b'];

// A resident with a record (and one merged into it), a chat (case A, with a disclosure) and a
// form on case B with an email.
const scope: SubjectScope = {
  organisationId: id(99),
  records: [
    { id: record!, dataSubjectId: recordKey, mergedIntoId: null },
    { id: merged!, dataSubjectId: recordKey, mergedIntoId: record! },
  ],
  cases: [
    {
      id: caseA!,
      caseReference: 'AAAA-1111',
      channel: 'chat',
      dataSubjectId: chatKey,
      recordId: record!,
      conversationId: chatA!,
      contactedAt: new Date(0),
    },
    {
      id: caseB!,
      caseReference: 'BBBB-2222',
      channel: 'form',
      dataSubjectId: caseBKey,
      recordId: record!,
      conversationId: null,
      contactedAt: new Date(0),
    },
  ],
  conversations: [{ id: chatA!, caseId: caseA!, dataSubjectId: chatKey }],
  formSubmissions: [{ id: formB!, caseId: caseB!, dataSubjectId: recordKey }],
  emails: [{ id: emailB!, caseId: caseB!, dataSubjectId: caseBKey }],
  disclosures: [{ id: disclosureA!, caseId: caseA!, dataSubjectId: chatKey }],
  dataSubjectIds: [caseBKey, chatKey, recordKey].sort(),
};

const kinds = (items: Array<{ kind: string; id: string }>) => items.map((i) => `${i.kind}:${i.id}`).sort();

describe('planning an erasure', () => {
  it('erases everything and destroys every key when nothing is held or kept', () => {
    const plan = planErasure({ scope, holds: [], keep: [], items: 'all' });
    expect(plan.erase).toHaveLength(8);
    expect(plan.kept).toEqual([]);
    expect(plan.destroyKeys).toEqual(scope.dataSubjectIds);
    expect(plan.keptKeys).toEqual([]);
  });

  it('keeps a held case with everything on it, and its key and its record’s', () => {
    const plan = planErasure({
      scope,
      holds: [{ caseId: caseA!, dataSubjectId: null, conversationId: null }],
      keep: [],
      items: 'all',
    });
    expect(kinds(plan.kept)).toEqual(
      kinds([
        { kind: 'case', id: caseA! },
        { kind: 'chat', id: chatA! },
        { kind: 'disclosure', id: disclosureA! },
        { kind: 'customer-record', id: record! },
        { kind: 'customer-record', id: merged! },
      ]),
    );
    expect(plan.kept.every((k) => k.exemption === 'legal-hold')).toBe(true);
    expect(plan.destroyKeys).toEqual([caseBKey]);
    expect(plan.keptKeys).toEqual([chatKey, recordKey].sort());
  });

  it('a hold on the chat’s resident keeps the chat and its case', () => {
    const plan = planErasure({
      scope,
      holds: [{ dataSubjectId: chatKey, caseId: null, conversationId: null }],
      keep: [],
      items: 'all',
    });
    expect(kinds(plan.kept)).toContain(`chat:${chatA}`);
    expect(kinds(plan.kept)).toContain(`case:${caseA}`);
  });

  it('an item the officer keeps is kept with its exemption and reason, and keeps its case', () => {
    const plan = planErasure({
      scope,
      holds: [],
      keep: [{ kind: 'email', id: emailB!, exemption: 'legal-claims', reason: 'Complaint to the ombudsman' }],
      items: 'all',
    });
    expect(plan.kept.find((k) => k.id === emailB)).toMatchObject({
      exemption: 'legal-claims',
      reason: 'Complaint to the ombudsman',
    });
    expect(kinds(plan.kept)).toContain(`case:${caseB}`);
    // The form on the kept case was not kept: it goes, and with it the record's key.
    expect(plan.destroyKeys).toEqual([chatKey, recordKey].sort());
    expect(plan.keptKeys).toEqual([caseBKey]);
  });

  it('with chosen items: a case brings what is on it, and shared keys stay', () => {
    const plan = planErasure({ scope, holds: [], keep: [], items: [{ kind: 'case', id: caseA! }] });
    expect(kinds(plan.erase)).toEqual(
      kinds([
        { kind: 'case', id: caseA! },
        { kind: 'chat', id: chatA! },
        { kind: 'disclosure', id: disclosureA! },
      ]),
    );
    expect(plan.notChosen).toHaveLength(5);
    expect(plan.destroyKeys).toEqual([chatKey]);
    expect(plan.keptKeys).toEqual([caseBKey, recordKey].sort());
  });

  it('refuses choices outside the scope, and an empty scope', () => {
    expect(erasureChoiceProblem(scope, [], [{ kind: 'case', id: id(50) }])).toMatch(/not in this request/);
    expect(
      erasureChoiceProblem(scope, [{ kind: 'chat', id: id(50), exemption: 'legal-obligation', reason: 'x' }], 'all'),
    ).toMatch(/not in this request/);
    const empty = {
      ...scope,
      records: [],
      cases: [],
      conversations: [],
      formSubmissions: [],
      emails: [],
      disclosures: [],
    };
    expect(erasureChoiceProblem(empty, [], 'all')).toMatch(/Nothing is confirmed/);
    expect(erasureChoiceProblem(scope, [], 'all')).toBeNull();
  });

  it('lists erased ids by kind', () => {
    expect(idsByKind([{ kind: 'chat', id: chatA! }]).chat).toEqual([chatA]);
    expect(idsByKind([]).case).toEqual([]);
  });

  it('writes the officer’s reason and what they kept into the request’s history', () => {
    expect(
      erasureStepReason(
        scopeItems(scope),
        [{ kind: 'case', id: caseB!, exemption: 'legal-claims', reason: 'Tribunal claim lodged' }],
        'Upheld',
      ),
    ).toBe('Upheld\nKept case BBBB-2222 for legal claims: Tribunal claim lodged');
  });
});
