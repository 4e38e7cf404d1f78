import { z } from 'zod';
import {
  AddRecordDetailBody,
  AmendRecordDetailBody,
  ChatLinkResponse,
  ChatMatchQuery,
  ChatMatchResponse,
  CreateRecordBody,
  CustomerRecordResponse,
  LinkChatBody,
  MergeRecordBody,
  RecordFromChatBody,
  RecordSearchQuery,
  RecordSearchResponse,
  RemoveRecordDetailBody,
  UnmergeRecordBody,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { addRecordDetail, amendRecordDetail, removeRecordDetail } from '../../features/records/change-record-detail.ts';
import { createCustomerRecord } from '../../features/records/create-customer-record.ts';
import { createRecordFromChat, linkChatToRecord } from '../../features/conversations/link-chat.ts';
import { matchChat } from '../../features/conversations/match-chat.ts';
import { mergeRecord, unmergeRecord } from '../../features/records/merge-records.ts';
import { readRecord } from '../../features/records/read-record.ts';
import { searchRecords } from '../../features/records/search-records.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const RecordParams = z.object({ id: z.uuid('That is not a record id') });
const DetailParams = z.object({ id: z.uuid('That is not a record id'), detailId: z.uuid('That is not a detail id') });

/** Customer records (ADR 14): every route is for staff, every access audited by its service. */
export function registerRecordRoutes(api: ApiRouter, ctx: ServiceContext): void {
  const tag = 'records';
  api.route(
    {
      method: 'POST',
      url: '/api/records',
      summary: 'Create a customer record',
      tag,
      access: 'staff',
      body: CreateRecordBody,
      response: CustomerRecordResponse,
      status: 201,
    },
    async ({ body, request }) => ({ record: await createCustomerRecord(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      // POST, not GET: what is searched for is personal data and must never be in a URL.
      method: 'POST',
      url: '/api/records/search',
      summary: 'Find customer records by name, email, phone, postcode or case reference (blind indexes; audited)',
      tag,
      access: 'staff',
      body: RecordSearchQuery,
      response: RecordSearchResponse,
    },
    async ({ body, request }) => ({ records: await searchRecords(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/matches',
      summary: 'Likely customer records for a chat (audited; links nothing)',
      tag,
      access: 'staff',
      body: ChatMatchQuery,
      response: ChatMatchResponse,
    },
    async ({ body, request }) => matchChat(ctx, staffOf(request), body),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/from-chat',
      summary: 'Create a customer record from a chat and link the chat to it',
      tag,
      access: 'staff',
      body: RecordFromChatBody,
      response: ChatLinkResponse,
      status: 201,
    },
    async ({ body, request }) => createRecordFromChat(ctx, staffOf(request), body),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/records/:id',
      summary: 'A customer record with its history and timeline (audited)',
      tag,
      access: 'staff',
      params: RecordParams,
      response: CustomerRecordResponse,
    },
    async ({ params, request }) => ({ record: await readRecord(ctx, staffOf(request), params.id) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/:id/details',
      summary: 'Add a value to a customer record',
      tag,
      access: 'staff',
      params: RecordParams,
      body: AddRecordDetailBody,
      response: CustomerRecordResponse,
      status: 201,
    },
    async ({ params, body, request }) => ({ record: await addRecordDetail(ctx, staffOf(request), params.id, body) }),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/records/:id/details/:detailId',
      summary: 'Amend a value of a customer record (kept in its history, with the reason)',
      tag,
      access: 'staff',
      params: DetailParams,
      body: AmendRecordDetailBody,
      response: CustomerRecordResponse,
    },
    async ({ params, body, request }) => ({
      record: await amendRecordDetail(ctx, staffOf(request), params.id, params.detailId, body),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/:id/details/:detailId/remove',
      summary: 'Remove a value of a customer record (kept in its history, with the reason)',
      tag,
      access: 'staff',
      params: DetailParams,
      body: RemoveRecordDetailBody,
      response: CustomerRecordResponse,
    },
    async ({ params, body, request }) => ({
      record: await removeRecordDetail(ctx, staffOf(request), params.id, params.detailId, body),
    }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/:id/link-chat',
      summary: 'Confirm that a chat’s resident is this record',
      tag,
      access: 'staff',
      params: RecordParams,
      body: LinkChatBody,
      response: ChatLinkResponse,
    },
    async ({ params, body, request }) => linkChatToRecord(ctx, staffOf(request), params.id, body.conversationId),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/:id/merge',
      summary: 'Merge this duplicate record into another (reversible; audited)',
      tag,
      access: 'staff',
      params: RecordParams,
      body: MergeRecordBody,
      response: CustomerRecordResponse,
    },
    async ({ params, body, request }) => ({ record: await mergeRecord(ctx, staffOf(request), params.id, body) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/records/:id/unmerge',
      summary: 'Undo the merge of this record into another (audited)',
      tag,
      access: 'staff',
      params: RecordParams,
      body: UnmergeRecordBody,
      response: CustomerRecordResponse,
    },
    async ({ params, body, request }) => ({ record: await unmergeRecord(ctx, staffOf(request), params.id, body) }),
  );
}
