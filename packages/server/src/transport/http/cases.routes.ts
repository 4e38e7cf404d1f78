import { z } from 'zod';
import {
  CaseDepartmentBody,
  CaseLinkBody,
  CaseLookupBody,
  CaseLookupResult,
  CaseNoteBody,
  CaseOwnerBody,
  CasePage,
  CasePageQuery,
  DepartmentCasesQuery,
  CaseResponse,
  CaseStatusBody,
  CaseSummaryBody,
  QuotedCases,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { listDepartmentCases, listMyCases } from '../../features/cases/list-cases.ts';
import { getCase, lookupCase } from '../../features/cases/read-case.ts';
import { changeCaseStatus } from '../../features/cases/change-case-status.ts';
import { changeCaseOwner } from '../../features/cases/change-case-owner.ts';
import { transferCase } from '../../features/cases/transfer-case.ts';
import { addCaseNote } from '../../features/cases/add-case-note.ts';
import { linkCase, unlinkCase } from '../../features/cases/link-cases.ts';
import { writeCaseSummary } from '../../features/cases/write-case-summary.ts';
import { quotedCasesFor } from '../../features/conversations/quoted-cases.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const IdParams = z.object({ id: z.uuid('That is not a case id') });

/** Cases (ADR 14): every contact on every channel. Department rule in features/cases. */
export function registerCaseRoutes(api: ApiRouter, ctx: ServiceContext): void {
  const tag = 'cases';
  api.route(
    {
      method: 'GET',
      url: '/api/cases/mine',
      summary: 'My cases that are not closed, newest first',
      tag,
      access: 'staff',
      query: CasePageQuery,
      response: CasePage,
    },
    async ({ query, request }) => listMyCases(ctx, staffOf(request), query),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/cases/departments/:departmentId',
      summary: 'A department’s cases that are not closed, or its messages to answer, newest first',
      tag,
      access: 'staff',
      params: z.object({ departmentId: z.string().max(40) }),
      query: DepartmentCasesQuery,
      response: CasePage,
    },
    async ({ params, query, request }) => listDepartmentCases(ctx, staffOf(request), params.departmentId, query),
  );

  api.route(
    {
      // POST: a case reference identifies a resident's contact and stays out of URLs and logs.
      method: 'POST',
      url: '/api/cases/lookup',
      summary: 'Find a case by its reference, on any channel (audited)',
      tag,
      access: 'staff',
      body: CaseLookupBody,
      response: CaseLookupResult,
    },
    async ({ body, request }) => lookupCase(ctx, staffOf(request), body.caseReference),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/cases/:id',
      summary: 'A case in full (its department’s staff and administrators; audited)',
      tag,
      access: 'staff',
      params: IdParams,
      response: CaseResponse,
    },
    async ({ params, request }) => ({ case: await getCase(ctx, staffOf(request), params.id) }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/cases/:id/status',
      summary: 'Change the status (closed → open reopens)',
      tag,
      access: 'staff',
      params: IdParams,
      body: CaseStatusBody,
      response: CaseResponse,
    },
    async ({ params, body, request }) => ({
      case: await changeCaseStatus(ctx, staffOf(request), params.id, body.status),
    }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/cases/:id/owner',
      summary: 'Give the case to a member of staff (null: nobody)',
      tag,
      access: 'staff',
      params: IdParams,
      body: CaseOwnerBody,
      response: CaseResponse,
    },
    async ({ params, body, request }) => ({
      case: await changeCaseOwner(ctx, staffOf(request), params.id, body.ownerStaffId),
    }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/cases/:id/department',
      summary: 'Transfer the case to another department',
      tag,
      access: 'staff',
      params: IdParams,
      body: CaseDepartmentBody,
      response: CaseResponse,
    },
    async ({ params, body, request }) => ({
      case: await transferCase(ctx, staffOf(request), params.id, body.departmentId),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/cases/:id/notes',
      summary: 'Add a note (redacted, sealed)',
      tag,
      access: 'staff',
      params: IdParams,
      body: CaseNoteBody,
      response: CaseResponse,
      status: 201,
    },
    async ({ params, body, request }) => ({ case: await addCaseNote(ctx, staffOf(request), params.id, body.text) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/cases/:id/links',
      summary: 'Link a related case by its reference',
      tag,
      access: 'staff',
      params: IdParams,
      body: CaseLinkBody,
      response: CaseResponse,
      status: 201,
    },
    async ({ params, body, request }) => ({
      case: await linkCase(ctx, staffOf(request), params.id, body.caseReference),
    }),
  );

  api.route(
    {
      method: 'DELETE',
      url: '/api/cases/:id/links/:linkedCaseId',
      summary: 'Remove the link to a related case',
      tag,
      access: 'staff',
      params: z.object({ id: z.uuid('That is not a case id'), linkedCaseId: z.uuid('That is not a case id') }),
      response: CaseResponse,
    },
    async ({ params, request }) => ({ case: await unlinkCase(ctx, staffOf(request), params.id, params.linkedCaseId) }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/cases/:id/summary',
      summary: 'Write the contact summary (not for chats: see the conversation)',
      tag,
      access: 'staff',
      params: IdParams,
      body: CaseSummaryBody,
      response: CaseResponse,
    },
    async ({ params, body, request }) => ({
      case: await writeCaseSummary(ctx, staffOf(request), params.id, body.summary),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/conversations/:id/quoted-cases',
      summary: 'Cases the resident quoted in this chat (audited)',
      tag,
      access: 'staff',
      params: z.object({ id: z.uuid('That is not a conversation id') }),
      response: QuotedCases,
    },
    async ({ params, request }) => ({ cases: await quotedCasesFor(ctx, staffOf(request), params.id) }),
  );
}
