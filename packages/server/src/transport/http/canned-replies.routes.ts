import { z } from 'zod';
import { CannedReply, CannedReplyBody, CannedReplyParams } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import {
  changeCannedReply,
  createCannedReply,
  listCannedRepliesFor,
  removeCannedReply,
} from '../../features/conversations/manage-canned-replies.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const tag = 'conversations';
const CannedReplyResponse = z.object({ cannedReply: CannedReply });

/** Canned replies (issue 11): your own and your departments'. */
export function registerCannedReplyRoutes(api: ApiRouter, ctx: ServiceContext): void {
  api.route(
    {
      method: 'GET',
      url: '/api/canned-replies',
      summary: 'Your canned replies and your departments’',
      tag,
      access: 'staff',
      response: z.object({ cannedReplies: z.array(CannedReply) }),
    },
    async ({ request }) => ({ cannedReplies: await listCannedRepliesFor(ctx, staffOf(request)) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/canned-replies',
      summary: 'Add a canned reply: your own, or a department’s (administrators, its supervisors)',
      tag,
      access: 'staff',
      body: CannedReplyBody,
      response: CannedReplyResponse,
      status: 201,
    },
    async ({ body, request }) => ({ cannedReply: await createCannedReply(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/canned-replies/:id',
      summary: 'Change a canned reply',
      tag,
      access: 'staff',
      params: CannedReplyParams,
      body: CannedReplyBody,
      response: CannedReplyResponse,
    },
    async ({ params, body, request }) => ({
      cannedReply: await changeCannedReply(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'DELETE',
      url: '/api/canned-replies/:id',
      summary: 'Delete a canned reply',
      tag,
      access: 'staff',
      params: CannedReplyParams,
    },
    async ({ params, request }) => {
      await removeCannedReply(ctx, staffOf(request), params.id);
    },
  );
}
