import type { CandidateField, CaseCandidate, RecordCandidate, SubjectCandidatesResponse } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { findRecordIdsByIndex } from '../crypto/blind-indexes.repository.ts';
import { caseAuditEntry } from '../cases/case-audit.ts';
import { departmentLabel } from '../cases/department-labels.ts';
import { summariseRecords } from '../records/record-summaries.ts';
import { recordIdsByIndex, resolveRecords } from '../records/records.repository.ts';
import { findRightsRequest } from './rights.repository.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';
import {
  addMatches,
  byStrength,
  finderQueryProblem,
  finderTerms,
  matchedList,
  type FinderQuery,
} from './subject-finder.rules.ts';
import {
  caseWithReference,
  casesOfConversations,
  casesOfRecords,
  type CandidateCaseRow,
} from './subject-finder.repository.ts';
import { listScopeRoots, scopeOfRequest } from './subject-scope.repository.ts';

const maxRecords = 50;
const maxCases = 100;
/** Hits looked at per field: a common name or a busy postcode stops there. */
const perFieldLimit = 200;

/**
 * Candidates for a request's resident (issue 9, ADR 33): customer records and contacts (cases) on
 * every channel, found through the blind indexes only, each field on its own so each candidate says
 * which fields found it. A record brings the cases on it. Nothing is attached: the officer confirms.
 * The privacy officer sees every department (access.rules.ts). The search, every record shown (its
 * names, as the record search shows them) and every case shown are audited (purpose `rights-request`).
 */
export async function findSubjectCandidates(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  query: FinderQuery,
): Promise<SubjectCandidatesResponse> {
  const problem = finderQueryProblem(query);
  if (problem) throw new AppError('bad_request', problem.message);
  const { byField, caseReference } = finderTerms(query);
  const organisationId = staff.organisationId;
  const searched = [...byField.map((f) => f.field), ...(caseReference ? ['caseReference' as const] : [])];

  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, organisationId, requestId);
    if (!request) throw notFound('The request');
    const recordHits = new Map<string, Set<CandidateField>>();
    const caseHits = new Map<string, Set<CandidateField>>();
    const cases = new Map<string, CandidateCaseRow>();
    const addCases = (rows: readonly CandidateCaseRow[], fields: Iterable<CandidateField>) => {
      for (const row of rows) {
        cases.set(row.id, row);
        addMatches(caseHits, row.id, fields);
      }
    };

    for (const { field, terms } of byField) {
      // Records hold every field; a chat's pre-chat form only a name and an email address.
      for (const id of await recordIdsByIndex(tx, ctx.indexKey, organisationId, terms, { limit: perFieldLimit }))
        addMatches(recordHits, id, [field]);
      if (field === 'name' || field === 'email') {
        const chats = await findRecordIdsByIndex(
          tx,
          ctx.indexKey,
          organisationId,
          'conversation',
          terms,
          perFieldLimit,
        );
        addCases(await casesOfConversations(tx, organisationId, chats), [field]);
      }
    }
    if (caseReference) {
      const found = await caseWithReference(tx, organisationId, caseReference);
      if (found) {
        addCases([found], ['caseReference']);
        const current = found.record_id
          ? (await resolveRecords(tx, organisationId, [found.record_id])).get(found.record_id)
          : undefined;
        if (current) addMatches(recordHits, current, ['caseReference']);
      }
    }

    const { summaries, entriesFor } = await summariseRecords(tx, ctx, [...recordHits.keys()], {
      actor: staffActor(staff),
      purpose: 'rights-request',
      reason: `finding the resident of a rights request`,
    });
    const records = summaries
      .map((s) => ({ summary: s, matched: matchedList(recordHits.get(s.id)), at: s.lastContactAt }))
      .sort(byStrength)
      .slice(0, maxRecords);
    for (const row of await casesOfRecords(
      tx,
      organisationId,
      records.map((r) => r.summary.id),
      maxCases * 2,
    ))
      addCases([row], recordHits.get(row.root) ?? []);
    const shownCases = [...cases.values()]
      .map((row) => ({ row, matched: matchedList(caseHits.get(row.id)), at: row.contacted_at.toISOString() }))
      .sort(byStrength)
      .slice(0, maxCases);

    const roots = await listScopeRoots(tx, organisationId, requestId);
    const scope = await scopeOfRequest(tx, organisationId, requestId);
    const confirmed = new Set(roots.map((r) => `${r.kind}:${r.id}`));
    const recordsInScope = new Set(scope.records.map((r) => r.id));
    const casesInScope = new Set(scope.cases.map((c) => c.id));
    const department = departmentLabel(ctx);
    // The cases of found records may be merged ones' cases: name the current record.
    const currentOf = await resolveRecords(
      tx,
      organisationId,
      shownCases.flatMap((c) => (c.row.record_id ? [c.row.record_id] : [])),
    );

    const actor = staffActor(staff);
    await recordAudit(tx, [
      { ...rightsAuditEntry(staff, request, 'read', []), reason: `searched by ${searched.join(', ')}` },
      ...entriesFor(records.map((r) => r.summary.id)),
      ...shownCases.map((c) =>
        caseAuditEntry(c.row, {
          actor,
          action: 'read',
          purpose: 'rights-request',
          fields: [],
          reason: 'a candidate for a rights request',
        }),
      ),
    ]);
    return {
      records: records.map(({ summary, matched }): RecordCandidate => ({
        id: summary.id,
        names: summary.names,
        cases: summary.cases,
        lastContactAt: summary.lastContactAt,
        matched,
        confirmed: confirmed.has(`customer-record:${summary.id}`),
        inScope: recordsInScope.has(summary.id),
      })),
      cases: shownCases.map(({ row, matched }): CaseCandidate => ({
        id: row.id,
        caseReference: row.case_reference,
        channel: row.channel,
        contactedAt: row.contacted_at.toISOString(),
        department: department(row.department_id),
        recordId: row.record_id ? (currentOf.get(row.record_id) ?? row.record_id) : null,
        matched,
        confirmed: confirmed.has(`case:${row.id}`),
        inScope: casesInScope.has(row.id),
      })),
    };
  });
}
