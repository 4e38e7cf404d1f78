import { z } from 'zod';
import {
  AssignRightsRequestBody,
  ChangeRightsStatusBody,
  CloseRightsRequestBody,
  EraseSubjectBody,
  ErasurePreviewBody,
  ErasurePreviewResponse,
  ErasureResultResponse,
  ExtendRightsRequestBody,
  LogRightsRequestBody,
  RightsRequestResponse,
  RightsRequestsQuery,
  RightsRequestsResponse,
  ObjectionBody,
  ScopeItemBody,
  SubjectCandidatesQuery,
  SubjectCandidatesResponse,
  SubjectScopeResponse,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { assignRightsRequest } from '../../features/rights/assign-rights-request.ts';
import { confirmScopeItem, removeScopeItem } from '../../features/rights/change-subject-scope.ts';
import { changeRightsStatus } from '../../features/rights/change-rights-status.ts';
import { closeRightsRequest } from '../../features/rights/close-rights-request.ts';
import { eraseRequestSubject } from '../../features/rights/erase-request-subject.ts';
import type { ErasureDeps } from '../../features/rights/erase-subject.ts';
import { previewRequestErasure } from '../../features/rights/preview-request-erasure.ts';
import { extendRightsRequest } from '../../features/rights/extend-rights-request.ts';
import { listRequests } from '../../features/rights/list-rights-requests.ts';
import { logRightsRequest } from '../../features/rights/log-rights-request.ts';
import { liftRestriction, restrictProcessing } from '../../features/rights/restrict-processing.ts';
import { recordObjection } from '../../features/rights/record-objection.ts';
import { readRightsRequest } from '../../features/rights/read-rights-request.ts';
import { findSubjectCandidates } from '../../features/rights/find-subject-candidates.ts';
import { readSubjectScope } from '../../features/rights/subject-scope-view.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

/** Residents' rights requests (ADR 28): privacy officers and administrators. */
export function registerRightsRoutes(api: ApiRouter, ctx: ServiceContext, erasure: ErasureDeps): void {
  const tag = 'rights';
  const access = 'privacy';
  const params = z.object({ id: z.uuid('That is not a request id') });

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests',
      summary: "Log a resident's rights request; its due date is computed",
      tag,
      access,
      body: LogRightsRequestBody,
      response: RightsRequestResponse,
      status: 201,
    },
    async ({ body, request }) => ({ request: await logRightsRequest(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/rights-requests',
      summary: 'Rights requests by due date, with where each deadline stands',
      tag,
      access,
      query: RightsRequestsQuery,
      response: RightsRequestsResponse,
    },
    async ({ query, request }) => ({
      requests: await listRequests(ctx, staffOf(request), {
        status: query.status,
        ownerId: query.ownerId,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      }),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/rights-requests/:id',
      summary: 'A rights request with its history',
      tag,
      access,
      params,
      response: RightsRequestResponse,
    },
    async ({ params, request }) => ({ request: await readRightsRequest(ctx, staffOf(request), params.id) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/status',
      summary: 'Wait for identity or clarification (the clock stops), or carry on (it restarts)',
      tag,
      access,
      params,
      body: ChangeRightsStatusBody,
      response: RightsRequestResponse,
    },
    async ({ params, body, request }) => ({
      request: await changeRightsStatus(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/extend',
      summary: 'Extend the deadline by one or two months, with a reason',
      tag,
      access,
      params,
      body: ExtendRightsRequestBody,
      response: RightsRequestResponse,
    },
    async ({ params, body, request }) => ({
      request: await extendRightsRequest(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/owner',
      summary: 'Give a rights request to a privacy officer or an administrator',
      tag,
      access,
      params,
      body: AssignRightsRequestBody,
      response: RightsRequestResponse,
    },
    async ({ params, body, request }) => ({
      request: await assignRightsRequest(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/close',
      summary: 'Close a rights request: completed, refused (with the reason) or withdrawn',
      tag,
      access,
      params,
      body: CloseRightsRequestBody,
      response: RightsRequestResponse,
    },
    async ({ params, body, request }) => ({
      request: await closeRightsRequest(ctx, staffOf(request), params.id, body),
    }),
  );

  // Finding the resident's data (issue 9, ADR 32, 33): search, confirm, remove.
  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/candidates',
      summary: "Records and contacts that may be the requester's, through the blind indexes; nothing is attached",
      tag,
      access,
      params,
      body: SubjectCandidatesQuery,
      response: SubjectCandidatesResponse,
    },
    async ({ params, body, request }) => findSubjectCandidates(ctx, staffOf(request), params.id, body),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/rights-requests/:id/scope',
      summary: "What the officer confirmed is the requester's, with counts of everything it stands for",
      tag,
      access,
      params,
      response: SubjectScopeResponse,
    },
    async ({ params, request }) => readSubjectScope(ctx, staffOf(request), params.id),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/scope',
      summary: "Confirm a customer record or a case is the requester's (open requests only)",
      tag,
      access,
      params,
      body: ScopeItemBody,
      response: SubjectScopeResponse,
    },
    async ({ params, body, request }) => confirmScopeItem(ctx, staffOf(request), params.id, body),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/scope/remove',
      summary: "Take a confirmed record or case out of the requester's data (open requests only)",
      tag,
      access,
      params,
      body: ScopeItemBody,
      response: SubjectScopeResponse,
    },
    async ({ params, body, request }) => removeScopeItem(ctx, staffOf(request), params.id, body),
  );

  // Restriction and objection (ADR 33), on the confirmed scope.
  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/restriction',
      summary: "Restrict processing of everything confirmed as the requester's (restriction requests)",
      tag,
      access,
      params,
      response: SubjectScopeResponse,
    },
    async ({ params, request }) => restrictProcessing(ctx, staffOf(request), params.id),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/restriction/lift',
      summary: 'Lift the restriction this request placed',
      tag,
      access,
      params,
      response: SubjectScopeResponse,
    },
    async ({ params, request }) => liftRestriction(ctx, staffOf(request), params.id),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/objections',
      summary: 'Record the requester’s objection to a purpose; that processing stops (objection requests)',
      tag,
      access,
      params,
      body: ObjectionBody,
      response: SubjectScopeResponse,
    },
    async ({ params, body, request }) => recordObjection(ctx, staffOf(request), params.id, body.purpose),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/erasure/preview',
      summary: "What erasing the request's resident would do: what goes, what is kept and why, who to tell",
      tag,
      access,
      params,
      body: ErasurePreviewBody,
      response: ErasurePreviewResponse,
    },
    async ({ params, body, request }) => ({
      preview: await previewRequestErasure(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/erasure',
      summary: "Erase the request's resident (everything in scope, or chosen items) and destroy their data keys",
      tag,
      access,
      params,
      body: EraseSubjectBody,
      response: ErasureResultResponse,
    },
    async ({ params, body, request }) => ({
      erasure: await eraseRequestSubject(ctx, erasure, staffOf(request), params.id, body),
    }),
  );
}
