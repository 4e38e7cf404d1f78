import * as z from 'zod';
import { structuredText } from './free-text.ts';

/**
 * What a member of staff does (ADR 25): agents handle chats and cases in their departments;
 * supervisors also watch their departments' live chats; privacy officers read every department
 * for residents' rights, keep the audit trail and retention; administrators do everything.
 */
export const StaffRole = z.enum(['agent', 'supervisor', 'privacy_officer', 'admin'], 'Select a role');
export type StaffRole = z.infer<typeof StaffRole>;

export const StaffMember = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** What residents see: the first name unless the council shows full names. */
  displayName: z.string(),
  role: StaffRole,
  /** The departments they work in (ADR 14); empty means every department. */
  departments: z.array(z.string()),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const LoginBody = z.object({
  email: z.email('Enter your email address').max(254),
  password: structuredText(z.string().min(1, 'Enter your password').max(1024)),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const passwordMinLength = 12;

/** A department's id, as configured in the organisation's settings. */
export const DepartmentId = z
  .string('Select a department')
  .regex(/^[a-z0-9-]{1,40}$/, 'Select departments from the list');

/** At most this many departments per member of staff (a council has far fewer). */
export const staffDepartmentsMax = 50;

/**
 * Distinct department ids; empty means every department. Each must be one the council configured (checked by the
 * server).
 */
export const StaffDepartments = z
  .array(DepartmentId)
  .max(staffDepartmentsMax, `Select ${staffDepartmentsMax} departments or fewer`)
  .refine((ids) => new Set(ids).size === ids.length, 'Select each department once');

export const InviteStaffBody = z.object({
  email: z.email('Enter an email address in the correct format, like name@council.gov.uk').max(254),
  role: StaffRole,
  /** Where they will work; omitted or empty: every department. */
  departments: StaffDepartments.optional(),
});
export type InviteStaffBody = z.infer<typeof InviteStaffBody>;

/** `PUT /api/staff/:id/departments` (admin). */
export const StaffDepartmentsBody = z.object({ departments: StaffDepartments });
export type StaffDepartmentsBody = z.infer<typeof StaffDepartmentsBody>;

/** `PUT /api/staff/:id/role` (admin): what they do from now on; their sessions end. */
export const StaffRoleBody = z.object({ role: StaffRole });
export type StaffRoleBody = z.infer<typeof StaffRoleBody>;

/** A council department (organisation settings), `GET /api/departments`. */
export const Department = z.object({ id: z.string(), label: z.string() });
export type Department = z.infer<typeof Department>;
/** A topic residents and staff choose from (organisation settings), with the department that deals with it. */
export const DepartmentTopic = z.object({ id: z.string(), label: z.string(), departmentId: z.string() });
export type DepartmentTopic = z.infer<typeof DepartmentTopic>;
/** `GET /api/departments`: the departments and the topics, each in the order of the settings. */
export const DepartmentsResponse = z.object({ departments: z.array(Department), topics: z.array(DepartmentTopic) });
export type DepartmentsResponse = z.infer<typeof DepartmentsResponse>;

/** One active member of staff in `GET /api/staff/directory`: enough to choose a case owner, no email address. */
export const StaffDirectoryEntry = z.object({
  id: z.uuid(),
  /** First and last name. */
  displayName: z.string(),
  role: StaffRole,
  /** Empty means every department. */
  departments: z.array(z.string()),
});
export type StaffDirectoryEntry = z.infer<typeof StaffDirectoryEntry>;
export const StaffDirectoryResponse = z.object({ staff: z.array(StaffDirectoryEntry) });
export type StaffDirectoryResponse = z.infer<typeof StaffDirectoryResponse>;

export const InvitationResponse = z.object({ inviteUrl: z.string(), expiresAt: z.iso.datetime() });
export type InvitationResponse = z.infer<typeof InvitationResponse>;

/** `email` is null for the first administrator's set-up link: they choose their own. */
export const InvitationDetails = z.object({
  email: z.string().nullable(),
  role: StaffRole,
  expiresAt: z.iso.datetime(),
});
export type InvitationDetails = z.infer<typeof InvitationDetails>;

export const AcceptInvitationBody = z.object({
  /** Only for an invitation without an email address (the first administrator's set-up link). */
  email: z.email('Enter an email address in the correct format, like name@council.gov.uk').max(254).optional(),
  firstName: structuredText(z.string().trim().min(1, 'Enter your first name').max(100)),
  lastName: structuredText(z.string().trim().min(1, 'Enter your last name').max(100)),
  password: structuredText(
    z
      .string()
      .min(passwordMinLength, `Password must be ${passwordMinLength} characters or more`)
      .max(1024, 'Password must be 1024 characters or fewer'),
  ),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** `POST /api/auth/password`: the member of staff's own password; their other sessions end. */
export const ChangePasswordBody = z.object({
  currentPassword: structuredText(z.string().min(1, 'Enter your current password').max(1024)),
  newPassword: structuredText(
    z
      .string()
      .min(passwordMinLength, `Your new password must be ${passwordMinLength} characters or more`)
      .max(1024, 'Your new password must be 1024 characters or fewer'),
  ),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const OutboxEmail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  /** The plain-text body. */
  text: z.string(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;
