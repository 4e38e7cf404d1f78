import { readConversationCorrections } from '../../features/conversations/read-conversation-corrections.ts';
import { z } from 'zod';
import {
  AgentConversation,
  ConversationCorrections,
  ConversationSearchQuery,
  ConversationStatus,
  ConversationWithMessages,
  CorrectConversationDetailsBody,
  SummaryBody,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import {
  getConversation,
  getConversationByReference,
  listConversationsForStaff,
} from '../../features/conversations/read-conversations.ts';
import { saveSummary } from '../../features/conversations/update-conversation.ts';
import { searchConversations } from '../../features/conversations/search-conversations.ts';
import { correctConversationDetails } from '../../features/conversations/correct-conversation-details.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const IdParams = z.object({ id: z.uuid('That is not a conversation id') });

export function registerConversationRoutes(api: ApiRouter, ctx: ServiceContext): void {
  api.route(
    {
      method: 'GET',
      url: '/api/conversations',
      summary: 'Recent conversations',
      tag: 'conversations',
      access: 'staff',
      query: z.object({ status: ConversationStatus.optional() }),
      response: z.object({ conversations: z.array(AgentConversation) }),
    },
    async ({ query, request }) => ({
      conversations: await listConversationsForStaff(ctx, staffOf(request), query.status),
    }),
  );

  api.route(
    {
      // POST, not GET: what is searched for is personal data and must never be in a URL.
      method: 'POST',
      url: '/api/conversations/search',
      summary: 'Find conversations by email, name or case reference (blind indexes; audited)',
      tag: 'conversations',
      access: 'staff',
      body: ConversationSearchQuery,
      response: z.object({ conversations: z.array(AgentConversation) }),
    },
    async ({ body, request }) => ({ conversations: await searchConversations(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/conversations/by-reference/:caseReference',
      summary: 'Find a conversation by its case reference',
      tag: 'conversations',
      access: 'staff',
      params: z.object({ caseReference: z.string().max(40) }),
      response: ConversationWithMessages,
    },
    async ({ params, request }) => getConversationByReference(ctx, staffOf(request), params.caseReference),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/conversations/:id',
      summary: 'A conversation and its messages',
      tag: 'conversations',
      access: 'staff',
      params: IdParams,
      response: ConversationWithMessages,
    },
    async ({ params, request }) => getConversation(ctx, staffOf(request), params.id),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/conversations/:id/summary',
      summary: 'Write the contact summary',
      tag: 'conversations',
      access: 'staff',
      params: IdParams,
      body: SummaryBody,
      response: z.object({ conversation: AgentConversation }),
    },
    async ({ params, body, request }) => ({
      conversation: await saveSummary(ctx, staffOf(request), params.id, body.summary),
    }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/conversations/:id/details',
      summary: 'Correct the name and email the resident gave (rectification; reason kept, audited)',
      tag: 'conversations',
      access: 'staff',
      params: IdParams,
      body: CorrectConversationDetailsBody,
      response: z.object({ conversation: AgentConversation }),
    },
    async ({ params, body, request }) => ({
      conversation: await correctConversationDetails(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/conversations/:id/corrections',
      summary: 'What corrections of the chat’s details replaced, newest first (audited)',
      tag: 'conversations',
      access: 'staff',
      params: IdParams,
      response: ConversationCorrections,
    },
    async ({ params, request }) => readConversationCorrections(ctx, staffOf(request), params.id),
  );
}
