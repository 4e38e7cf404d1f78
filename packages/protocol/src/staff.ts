import * as z from 'zod';
import { passwordMinLength } from './shared-constants.ts';
import { structuredText } from './free-text.ts';
import { languages } from './language.ts';

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
  /** In the staff list for administrators: whether their two-step sign-in is on (ADR 22). */
  mfaEnabled: z.boolean().optional(),
  /** The language their console is in (issue 13, ADR 51): English unless they chose Cymraeg. */
  language: z.enum(languages),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** Choosing the language of one's own console (ADR 51). */
export const StaffLanguageBody = z.object({ language: z.enum(languages, 'Select English or Cymraeg') });
export type StaffLanguageBody = z.infer<typeof StaffLanguageBody>;

export const LoginBody = z.object({
  email: z.email('Enter your email address').max(254),
  password: structuredText(z.string().min(1, 'Enter your password').max(1024)),
});
export type LoginBody = z.infer<typeof LoginBody>;

export { passwordMinLength } from './shared-constants.ts';

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

/** Signing in: the member of staff, or (two-step sign-in on) a code still to come (ADR 22). */
export const LoginResponse = z.union([z.object({ staff: StaffMember }), z.object({ mfaRequired: z.literal(true) })]);
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A code from the authenticator app, or (at sign-in) a recovery code. */
export const MfaCodeBody = z.object({
  code: structuredText(
    z
      .string('Enter the code from your authenticator app')
      .trim()
      .min(1, 'Enter the code from your authenticator app')
      .max(40, 'Enter the 6-digit code from your authenticator app, or a recovery code'),
  ),
});
export type MfaCodeBody = z.infer<typeof MfaCodeBody>;

/** Where the signed-in member of staff stands with two-step sign-in. */
export const MfaState = z.object({
  enabled: z.boolean(),
  /** Required for their role (or for everyone): until enabled, only setting it up is open to them. */
  required: z.boolean(),
});
export type MfaState = z.infer<typeof MfaState>;

export const CurrentStaffResponse = z.object({ staff: StaffMember, mfa: MfaState });
export type CurrentStaffResponse = z.infer<typeof CurrentStaffResponse>;

export const MfaStatus = MfaState.extend({ recoveryCodesLeft: z.number().int().min(0) });
export type MfaStatus = z.infer<typeof MfaStatus>;

/** Setting up: the secret (shown as text too, for typing into the app) and its QR code as SVG. */
export const MfaEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeSvg: z.string(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

/** Shown once: each works once in place of a code from the app. */
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;
