import type {
  AssignRightsRequestBody,
  ChangeRightsStatusBody,
  CloseRightsRequestBody,
  EraseSubjectBody,
  ErasurePreview,
  ErasureResult,
  ExtendRightsRequestBody,
  LogRightsRequestBody,
  RightsRequestDetail,
  RightsRequestSummary,
} from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

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

/** What erasing the request's resident would do (ADR 35): nothing changes. */
export async function previewErasure(id: string): Promise<ErasurePreview> {
  return (await postJson<{ preview: ErasurePreview }>(`/api/rights-requests/${segment(id)}/erasure/preview`, {}))
    .preview;
}

/** Erases everything in the request's scope that is not kept, and destroys the data keys. */
export async function eraseResident(id: string, body: EraseSubjectBody): Promise<ErasureResult> {
  return (await postJson<{ erasure: ErasureResult }>(`/api/rights-requests/${segment(id)}/erasure`, body)).erasure;
}
