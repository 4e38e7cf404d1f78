import type {
  ChatLinkResponse,
  ChatMatchResponse,
  CustomerRecordResponse,
  CustomerRecordView,
  QuotedCase,
  QuotedCases,
  RecordDetailInput,
  RecordSearchQuery,
  RecordSearchResponse,
  RecordSummary,
} from '@ward/protocol';
import { getJson, postJson, putJson, segment } from './http.ts';

/**
 * Customer records (ADR 14). Every read and search is audited by the server. What is searched
 * for is personal data: it travels in POST bodies, never in a URL.
 */

export async function searchRecords(query: RecordSearchQuery): Promise<RecordSummary[]> {
  const { records } = await postJson<RecordSearchResponse>('/api/records/search', query);
  return records;
}

export async function createRecord(details: RecordDetailInput[]): Promise<CustomerRecordView> {
  const { record } = await postJson<CustomerRecordResponse>('/api/records', { details });
  return record;
}

export async function fetchRecord(recordId: string): Promise<CustomerRecordView> {
  const { record } = await getJson<CustomerRecordResponse>(`/api/records/${segment(recordId)}`);
  return record;
}

export async function addRecordDetail(
  recordId: string,
  value: RecordDetailInput,
  reason?: string,
): Promise<CustomerRecordView> {
  const { record } = await postJson<CustomerRecordResponse>(
    `/api/records/${segment(recordId)}/details`,
    reason ? { value, reason } : { value },
  );
  return record;
}

export async function amendRecordDetail(
  recordId: string,
  detailId: string,
  value: RecordDetailInput,
  reason: string,
): Promise<CustomerRecordView> {
  const { record } = await putJson<CustomerRecordResponse>(
    `/api/records/${segment(recordId)}/details/${segment(detailId)}`,
    { value, reason },
  );
  return record;
}

export async function removeRecordDetail(
  recordId: string,
  detailId: string,
  reason: string,
): Promise<CustomerRecordView> {
  const { record } = await postJson<CustomerRecordResponse>(
    `/api/records/${segment(recordId)}/details/${segment(detailId)}/remove`,
    { reason },
  );
  return record;
}

/** Merges `recordId` (the duplicate) into `intoRecordId`; answers with the surviving record. */
export async function mergeRecord(recordId: string, intoRecordId: string, reason: string): Promise<CustomerRecordView> {
  const { record } = await postJson<CustomerRecordResponse>(`/api/records/${segment(recordId)}/merge`, {
    intoRecordId,
    reason,
  });
  return record;
}

/** Undoes the merge of `recordId`; answers with that record, standing on its own again. */
export async function unmergeRecord(recordId: string, reason: string): Promise<CustomerRecordView> {
  const { record } = await postJson<CustomerRecordResponse>(`/api/records/${segment(recordId)}/unmerge`, { reason });
  return record;
}

// ---- In the chat pane ----

/** Likely records for a chat's resident; a postcode or phone number the agent asked for widens the search. */
export function matchChat(
  conversationId: string,
  extra: { postcode?: string; phone?: string } = {},
): Promise<ChatMatchResponse> {
  return postJson<ChatMatchResponse>('/api/records/matches', { conversationId, ...extra });
}

export function linkChatToRecord(recordId: string, conversationId: string): Promise<ChatLinkResponse> {
  return postJson<ChatLinkResponse>(`/api/records/${segment(recordId)}/link-chat`, { conversationId });
}

export function createRecordFromChat(conversationId: string, details: RecordDetailInput[]): Promise<ChatLinkResponse> {
  return postJson<ChatLinkResponse>('/api/records/from-chat', { conversationId, details });
}

/** The cases the resident quoted in a chat (served by the cases API). */
export async function fetchQuotedCases(conversationId: string): Promise<QuotedCase[]> {
  const { cases } = await getJson<QuotedCases>(`/api/conversations/${segment(conversationId)}/quoted-cases`);
  return cases;
}
