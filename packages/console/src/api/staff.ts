import type { InvitationResponse, InviteStaffBody, StaffMember } from '@ward/protocol';
import { getJson, postJson } from './http.ts';

export async function fetchStaff(): Promise<StaffMember[]> {
  const { staff } = await getJson<{ staff: StaffMember[] }>('/api/staff');
  return staff;
}

export function inviteStaff(body: InviteStaffBody): Promise<InvitationResponse> {
  return postJson<InvitationResponse>('/api/staff/invitations', body);
}
