import type { AcceptInvitationBody, InvitationDetails, StaffMember } from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

export function fetchInvitation(token: string): Promise<InvitationDetails> {
  return getJson<InvitationDetails>(`/api/invitations/${segment(token)}`, { sessionRequired: false });
}

export async function acceptInvitation(token: string, body: AcceptInvitationBody): Promise<StaffMember> {
  const { staff } = await postJson<{ staff: StaffMember }>(`/api/invitations/${segment(token)}/accept`, body, {
    sessionRequired: false,
  });
  return staff;
}
