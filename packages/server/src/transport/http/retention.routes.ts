import { z } from 'zod';
import {
  DestructionLogEntry,
  HoldsQuery,
  PlaceHoldBody,
  RetentionHold,
  UpcomingExpiry,
  UpcomingQuery,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { liftHold, listHolds, placeHold } from '../../features/retention/holds.ts';
import { destructionLog, upcomingExpiries } from '../../features/retention/read-retention.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const HoldParams = z.object({ id: z.uuid('That is not a hold id') });
const HoldResponse = z.object({ hold: RetentionHold });

/** Legal holds, upcoming expiries and the destruction log: administrators only (ADR 11). */
export function registerRetentionRoutes(api: ApiRouter, ctx: ServiceContext): void {
  const tag = 'retention';
  api.route(
    {
      method: 'POST',
      url: '/api/retention/holds',
      summary: 'Place a legal hold on a conversation, a case (caseId, or covers "case"), or their resident',
      tag,
      access: 'privacy',
      body: PlaceHoldBody,
      response: HoldResponse,
      status: 201,
    },
    async ({ body, request }) => ({ hold: await placeHold(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/retention/holds',
      summary: 'Legal holds, newest first',
      tag,
      access: 'privacy',
      query: HoldsQuery,
      response: z.object({ holds: z.array(RetentionHold) }),
    },
    async ({ query }) => ({ holds: await listHolds(ctx, query.status) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/retention/holds/:id/lift',
      summary: 'Lift a legal hold',
      tag,
      access: 'privacy',
      params: HoldParams,
      response: HoldResponse,
    },
    async ({ params, request }) => ({ hold: await liftHold(ctx, staffOf(request), params.id) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/retention/upcoming',
      summary: 'What will be deleted next, and when',
      tag,
      access: 'privacy',
      query: UpcomingQuery,
      response: z.object({ upcoming: z.array(UpcomingExpiry) }),
    },
    async ({ query }) => ({ upcoming: await upcomingExpiries(ctx, query.limit) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/retention/destruction-log',
      summary: 'What the retention job deleted',
      tag,
      access: 'privacy',
      response: z.object({ entries: z.array(DestructionLogEntry) }),
    },
    async () => ({ entries: await destructionLog(ctx) }),
  );
}
