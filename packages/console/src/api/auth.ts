import type {
  CurrentStaffResponse,
  ChangePasswordBody,
  Language,
  LoginBody,
  LoginResponse,
  MfaEnrolment,
  MfaStatus,
  RecoveryCodesResponse,
  StaffMember,
} from '@ward/protocol';
import { ApiError } from './errors.ts';
import { getJson, postJson, putJson, segment } from './http.ts';

/** The signed-in member of staff and their two-step sign-in, or null when there is no session. */
export async function fetchCurrentStaff(): Promise<CurrentStaffResponse | null> {
  try {
    return await getJson<CurrentStaffResponse>('/api/auth/me', { sessionRequired: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The password: signed in, or (two-step sign-in on) a code still to come. */
export function signIn(body: LoginBody): Promise<LoginResponse> {
  return postJson<LoginResponse>('/api/auth/login', body, { sessionRequired: false });
}

/** The second step of signing in: a code from the app or a recovery code. */
export async function verifySignInCode(code: string): Promise<StaffMember> {
  return (await postJson<{ staff: StaffMember }>('/api/auth/mfa/verify', { code }, { sessionRequired: false })).staff;
}

export async function signOut(): Promise<void> {
  await postJson<void>('/api/auth/logout', {}, { sessionRequired: false });
}

/** Sets a new password; the server ends every other session of the member of staff. */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await postJson<void>('/api/auth/password', body);
}

/** Chooses the language of one's own console (ADR 51); the server answers with the member of staff. */
export async function chooseConsoleLanguage(language: Language): Promise<StaffMember> {
  return (await putJson<{ staff: StaffMember }>('/api/auth/language', { language })).staff;
}

export const fetchMfaStatus = () => getJson<MfaStatus>('/api/auth/mfa');
export const startMfaEnrolment = () => postJson<MfaEnrolment>('/api/auth/mfa/enrolment');
export const confirmMfaEnrolment = (code: string) =>
  postJson<RecoveryCodesResponse>('/api/auth/mfa/enrolment/confirm', { code });
export const regenerateRecoveryCodes = (code: string) =>
  postJson<RecoveryCodesResponse>('/api/auth/mfa/recovery-codes', { code });
export const turnOffMfa = (code: string) => postJson<void>('/api/auth/mfa/turn-off', { code });
export const resetStaffMfa = (staffId: string) => postJson<void>(`/api/staff/${segment(staffId)}/mfa/reset`);
