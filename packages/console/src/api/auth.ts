import type { ChangePasswordBody, LoginBody, StaffMember } from '@ward/protocol';
import { ApiError } from './errors.ts';
import { getJson, postJson } from './http.ts';

/** The signed-in member of staff, or null when there is no session. */
export async function fetchCurrentStaff(): Promise<StaffMember | null> {
  try {
    const { staff } = await getJson<{ staff: StaffMember }>('/api/auth/me', { sessionRequired: false });
    return staff;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(body: LoginBody): Promise<StaffMember> {
  const { staff } = await postJson<{ staff: StaffMember }>('/api/auth/login', body, { sessionRequired: false });
  return staff;
}

export async function signOut(): Promise<void> {
  await postJson<void>('/api/auth/logout', {}, { sessionRequired: false });
}

/** Sets a new password; the server ends every other session of the member of staff. */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await postJson<void>('/api/auth/password', body);
}
