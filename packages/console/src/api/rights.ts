import type {
  AssignRightsRequestBody,
  ChangeRightsStatusBody,
  CloseRightsRequestBody,
  ExportPackView,
  EraseSubjectBody,
  ErasurePreview,
  ErasurePreviewBody,
  ErasureResult,
  ExtendRightsRequestBody,
  LogRightsRequestBody,
  ObjectionPurpose,
  RightsRequestDetail,
  RightsRequestSummary,
  ScopeMessagesResponse,
  SendExportLinkBody,
  WithheldMessagesBody,
  ScopeItemBody,
  SubjectCandidatesQuery,
  SubjectCandidatesResponse,
  SubjectScopeResponse,
} from '@ward/protocol';
import { getJson, postJson, putJson, segment } from './http.ts';

type One = { request: RightsRequestDetail };

export async function fetchRightsRequests(query = ''): Promise<RightsRequestSummary[]> {
  return (await getJson<{ requests: RightsRequestSummary[] }>(`/api/rights-requests${query}`)).requests;
}

export async function fetchRightsRequest(id: string): Promise<RightsRequestDetail> {
  return (await getJson<One>(`/api/rights-requests/${segment(id)}`)).request;
}

export async function logRightsRequest(body: LogRightsRequestBody): Promise<RightsRequestDetail> {
  return (await postJson<One>('/api/rights-requests', body)).request;
}

const act = async (id: string, verb: string, body: unknown) =>
  (await postJson<One>(`/api/rights-requests/${segment(id)}/${verb}`, body)).request;

export const changeRightsStatus = (id: string, body: ChangeRightsStatusBody) => act(id, 'status', body);
export const extendRightsRequest = (id: string, body: ExtendRightsRequestBody) => act(id, 'extend', body);
export const assignRightsRequest = (id: string, body: AssignRightsRequestBody) => act(id, 'owner', body);
export const closeRightsRequest = (id: string, body: CloseRightsRequestBody) => act(id, 'close', body);

export async function fetchExportPacks(id: string): Promise<ExportPackView[]> {
  return (await getJson<{ packs: ExportPackView[] }>(`/api/rights-requests/${segment(id)}/export`)).packs;
}

export async function buildExportPack(id: string): Promise<ExportPackView> {
  return (await postJson<{ pack: ExportPackView }>(`/api/rights-requests/${segment(id)}/export`)).pack;
}

export const exportPackDownloadPath = (id: string, packId: string) =>
  `/api/rights-requests/${segment(id)}/export/${segment(packId)}/download`;

export async function sendExportLink(id: string, packId: string, body: SendExportLinkBody): Promise<ExportPackView> {
  return (
    await postJson<{ pack: ExportPackView }>(`/api/rights-requests/${segment(id)}/export/${segment(packId)}/send`, body)
  ).pack;
}

export async function fetchScopeMessages(id: string): Promise<ScopeMessagesResponse['chats']> {
  return (await getJson<ScopeMessagesResponse>(`/api/rights-requests/${segment(id)}/messages`)).chats;
}

export async function saveWithheldMessages(id: string, body: WithheldMessagesBody): Promise<void> {
  await putJson(`/api/rights-requests/${segment(id)}/withheld`, body);
}
// Finding the resident's data (ADR 32, 33).
export const findSubjectCandidates = (id: string, query: SubjectCandidatesQuery) =>
  postJson<SubjectCandidatesResponse>(`/api/rights-requests/${segment(id)}/candidates`, query);
export const fetchSubjectScope = (id: string) =>
  getJson<SubjectScopeResponse>(`/api/rights-requests/${segment(id)}/scope`);
export const confirmScopeItem = (id: string, item: ScopeItemBody) =>
  postJson<SubjectScopeResponse>(`/api/rights-requests/${segment(id)}/scope`, item);
export const removeScopeItem = (id: string, item: ScopeItemBody) =>
  postJson<SubjectScopeResponse>(`/api/rights-requests/${segment(id)}/scope/remove`, item);
export const restrictProcessing = (id: string) =>
  postJson<SubjectScopeResponse>(`/api/rights-requests/${segment(id)}/restriction`);
export const liftRestriction = (id: string) =>
  postJson<SubjectScopeResponse>(`/api/rights-requests/${segment(id)}/restriction/lift`);
export const recordObjection = (id: string, purpose: ObjectionPurpose) =>
  postJson<SubjectScopeResponse>(`/api/rights-requests/${segment(id)}/objections`, { purpose });
/** What erasing the request's resident would do (ADR 35): nothing changes. */
export async function previewErasure(id: string, body: ErasurePreviewBody = {}): Promise<ErasurePreview> {
  return (await postJson<{ preview: ErasurePreview }>(`/api/rights-requests/${segment(id)}/erasure/preview`, body))
    .preview;
}

/** Erases everything in the request's scope that is not kept, and destroys the data keys. */
export async function eraseResident(id: string, body: EraseSubjectBody): Promise<ErasureResult> {
  return (await postJson<{ erasure: ErasureResult }>(`/api/rights-requests/${segment(id)}/erasure`, body)).erasure;
}
