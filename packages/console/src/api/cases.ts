import type {
  CaseDetail,
  CaseLookupResult,
  CasePage,
  CaseStatus,
  CorrectFormAnswerBody,
  FormSubmissionView,
} from '@ward/protocol';
import { deleteJson, getJson, postJson, putJson, segment } from './http.ts';

/** A case reference identifies a resident's contact: it goes in the body, never in the API's URL. */
export function lookupCase(caseReference: string): Promise<CaseLookupResult> {
  return postJson<CaseLookupResult>('/api/cases/lookup', { caseReference });
}

export async function fetchCase(caseId: string): Promise<CaseDetail> {
  return (await getJson<{ case: CaseDetail }>(`/api/cases/${segment(caseId)}`)).case;
}

export function fetchMyCases(offset: number, limit = 20): Promise<CasePage> {
  return getJson<CasePage>(`/api/cases/mine?limit=${limit}&offset=${offset}`);
}

export function fetchDepartmentCases(
  departmentId: string,
  offset: number,
  limit = 20,
  show: 'open' | 'messages-to-answer' = 'open',
): Promise<CasePage> {
  return getJson<CasePage>(
    `/api/cases/departments/${segment(departmentId)}?limit=${limit}&offset=${offset}&show=${show}`,
  );
}

const caseOf = async (call: Promise<{ case: CaseDetail }>) => (await call).case;
const casePath = (caseId: string, rest = '') => `/api/cases/${segment(caseId)}${rest}`;

export const changeCaseStatus = (caseId: string, status: CaseStatus) =>
  caseOf(putJson(casePath(caseId, '/status'), { status }));
export const changeCaseOwner = (caseId: string, ownerStaffId: string | null) =>
  caseOf(putJson(casePath(caseId, '/owner'), { ownerStaffId }));
export const transferCase = (caseId: string, departmentId: string) =>
  caseOf(putJson(casePath(caseId, '/department'), { departmentId }));
export const addCaseNote = (caseId: string, text: string) => caseOf(postJson(casePath(caseId, '/notes'), { text }));
export const linkCase = (caseId: string, caseReference: string) =>
  caseOf(postJson(casePath(caseId, '/links'), { caseReference }));
export const unlinkCase = (caseId: string, linkedCaseId: string) =>
  caseOf(deleteJson(casePath(caseId, `/links/${segment(linkedCaseId)}`)));
export const writeCaseSummary = (caseId: string, summary: string) =>
  caseOf(putJson(casePath(caseId, '/summary'), { summary }));

export function fetchFormSubmission(caseId: string): Promise<FormSubmissionView> {
  return getJson<FormSubmissionView>(casePath(caseId, '/form-submission'));
}

/** Corrects one answer of a form with a reason (rectification); answers with the answers as they are now. */
export function correctFormAnswer(
  submissionId: string,
  fieldId: string,
  body: CorrectFormAnswerBody,
): Promise<FormSubmissionView> {
  return putJson<FormSubmissionView>(
    `/api/form-submissions/${segment(submissionId)}/answers/${segment(fieldId)}`,
    body,
  );
}
