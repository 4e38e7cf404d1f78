import type {
  AgentRouting,
  AgentRoutingBody,
  RoutingAgentsResponse,
  Department,
  DepartmentRouting,
  DepartmentRoutingBody,
  DepartmentsResponse,
  InvitationResponse,
  InviteStaffBody,
  StaffDirectoryEntry,
  StaffDirectoryResponse,
  StaffMember,
  StaffRole,
} from '@ward/protocol';
import { getJson, postJson, putJson, segment } from './http.ts';

/** Every member of staff with their email address, role and departments (admin only). */
export async function fetchStaff(): Promise<StaffMember[]> {
  const { staff } = await getJson<{ staff: StaffMember[] }>('/api/staff');
  return staff;
}

/** `departments` optional: omitted or empty means every department. */
export function inviteStaff(body: InviteStaffBody): Promise<InvitationResponse> {
  return postJson<InvitationResponse>('/api/staff/invitations', body);
}

/** Sets where a member of staff works (admin only); empty means every department. */
export async function setStaffDepartments(staffId: string, departments: string[]): Promise<StaffMember> {
  const { staff } = await putJson<{ staff: StaffMember }>(`/api/staff/${segment(staffId)}/departments`, {
    departments,
  });
  return staff;
}

/** Gives a member of staff another role (admin only); their sessions end. */
export async function setStaffRole(staffId: string, role: StaffRole): Promise<StaffMember> {
  const { staff } = await putJson<{ staff: StaffMember }>(`/api/staff/${segment(staffId)}/role`, { role });
  return staff;
}

/** Active staff's names, roles and departments, for choosing a case owner (any member of staff; no email addresses). */
export async function fetchStaffDirectory(): Promise<StaffDirectoryEntry[]> {
  const { staff } = await getJson<StaffDirectoryResponse>('/api/staff/directory');
  return staff;
}

/** The council's departments, in the order of its settings. */
export async function fetchDepartments(): Promise<Department[]> {
  const { departments } = await fetchDepartmentsAndTopics();
  return departments;
}

/**
 * The council's departments and its topics (each with the department that deals with it), in the order of its settings.
 */
export function fetchDepartmentsAndTopics(): Promise<DepartmentsResponse> {
  return getJson<DepartmentsResponse>('/api/departments');
}

/** Everyone's routing status, skills, capacity and active chats, and the skills to choose from (admin only; ADR 39). */
export function fetchAgentRouting(): Promise<RoutingAgentsResponse> {
  return getJson<RoutingAgentsResponse>('/api/routing/agents');
}

/** Sets a member of staff's skills and the chats they may be given at once (null: the default). */
export async function setAgentRouting(staffId: string, body: AgentRoutingBody): Promise<AgentRouting> {
  const { agent } = await putJson<{ agent: AgentRouting }>(`/api/staff/${segment(staffId)}/routing`, body);
  return agent;
}

/** Sets a department's routing strategy and chats at once; null: as the settings file says (ADR 47). */
export async function setDepartmentRouting(
  departmentId: string,
  body: DepartmentRoutingBody,
): Promise<DepartmentRouting> {
  const { department } = await putJson<{ department: DepartmentRouting }>(
    `/api/routing/departments/${segment(departmentId)}`,
    body,
  );
  return department;
}
