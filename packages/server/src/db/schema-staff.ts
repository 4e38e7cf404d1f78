import type { ColumnType, Generated } from 'kysely';
import type { Language, StaffRole } from '@ward/protocol';
import type { CreatedAt } from './schema.ts';

/** Row types of the staff tables: accounts, two-step sign-in, invitations, sessions (schema.ts lists every table). */
export interface StaffTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: StaffRole;
  password_hash: string;
  created_at: CreatedAt;
  disabled_at: Date | null;
  /** The departments they work in (ADR 14); empty means every department. */
  departments: ColumnType<string[], string[] | undefined, string[]>;
  /** Single sign-on (ADR 23): the identity provider and subject that signed in to this account; both or neither. */
  sso_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  sso_subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language of their console (migration 0042, ADR 51): a preference, not personal data of residents. */
  language: ColumnType<Language, Language | undefined, Language>;
}

/** Migration 0015 (ADR 22): a member of staff's TOTP secret, sealed; `enabled_at` null while enrolling. */
export interface StaffMfaTable {
  staff_id: string;
  organisation_id: string;
  kek_id: string;
  sealed_secret: Buffer;
  enabled_at: Date | null;
  /** The last accepted TOTP time step: a code of that step or earlier is refused (no replay). */
  last_time_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface StaffMfaRecoveryCodesTable {
  id: Generated<string>;
  organisation_id: string;
  staff_id: string;
  code_hash: Buffer;
  used_at: Date | null;
}

/** A sign-in waiting for its second step (five minutes, single use). */
export interface StaffMfaChallengesTable {
  token_hash: Buffer;
  organisation_id: string;
  staff_id: string;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface StaffInvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  token_hash: Buffer;
  email: string | null;
  role: StaffRole;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
  /** Copied to staff.departments on acceptance (migration 0009); empty means every department. */
  departments: ColumnType<string[], string[] | undefined, string[]>;
}

export interface StaffSessionsTable {
  id: Generated<string>;
  organisation_id: string;
  staff_id: string;
  token_hash: Buffer;
  created_at: CreatedAt;
  expires_at: Date;
  /** Migration 0013: the session's last use, for the idle timeout. */
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  /** Migration 0018: how it was opened; single sign-on stands for two-step sign-in (ADR 22, 23). */
  signed_in_with: ColumnType<SignInMethod, SignInMethod | undefined, never>;
}

export type SignInMethod = 'password' | 'single-sign-on';

export type AgentStatusValue = 'available' | 'busy' | 'away' | 'offline';

/** Migration 0033 (ADR 39): a member of staff's routing: skills, capacity, status. */
export interface AgentRoutingTable {
  staff_id: string;
  organisation_id: string;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  capacity: ColumnType<number | null, number | null | undefined, number | null>;
  status: ColumnType<AgentStatusValue, AgentStatusValue | undefined, AgentStatusValue>;
  chosen_status: ColumnType<AgentStatusValue, AgentStatusValue | undefined, AgentStatusValue>;
  status_changed_at: ColumnType<Date, Date | undefined, Date>;
  connected_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_active_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_assigned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Round robin's place in each department (migration 0033); its strategy and capacity set in the console (0038). */
export interface RoutingDepartmentsTable {
  organisation_id: string;
  department_id: string;
  last_staff_id: ColumnType<string | null, string | null | undefined, string | null>;
  strategy: ColumnType<'least-busy' | 'round-robin' | 'manual' | null, string | null | undefined, string | null>;
  capacity: ColumnType<number | null, number | null | undefined, number | null>;
}
