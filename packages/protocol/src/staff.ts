import * as z from 'zod';

export const StaffRole = z.enum(['agent', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const StaffMember = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** What residents see: the first name unless the council shows full names. */
  displayName: z.string(),
  role: StaffRole,
});
export type StaffMember = z.infer<typeof StaffMember>;

export const LoginBody = z.object({
  email: z.email('Enter your email address').max(254),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const passwordMinLength = 12;

export const InviteStaffBody = z.object({
  email: z.email('Enter an email address in the correct format, like name@council.gov.uk').max(254),
  role: StaffRole,
});
export type InviteStaffBody = z.infer<typeof InviteStaffBody>;

export const InvitationResponse = z.object({ inviteUrl: z.string(), expiresAt: z.iso.datetime() });
export type InvitationResponse = z.infer<typeof InvitationResponse>;

/** `email` is null for the first administrator's set-up link: they choose their own. */
export const InvitationDetails = z.object({ email: z.string().nullable(), role: StaffRole, expiresAt: z.iso.datetime() });
export type InvitationDetails = z.infer<typeof InvitationDetails>;

export const AcceptInvitationBody = z.object({
  /** Only for an invitation without an email address (the first administrator's set-up link). */
  email: z.email('Enter an email address in the correct format, like name@council.gov.uk').max(254).optional(),
  firstName: z.string().trim().min(1, 'Enter your first name').max(100),
  lastName: z.string().trim().min(1, 'Enter your last name').max(100),
  password: z
    .string()
    .min(passwordMinLength, `Password must be ${passwordMinLength} characters or more`)
    .max(1024, 'Password must be 1024 characters or fewer'),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const OutboxEmail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
  /** The plain-text body. */
  text: z.string(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;
