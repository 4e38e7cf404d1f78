import type { Language, StaffMember } from '@ward/protocol';
import type { StaffRow } from '../../db/schema.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { agentDisplayName } from './staff-names.rules.ts';

export function toPrincipal(row: StaffRow): StaffPrincipal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
  };
}

/**
 * How a member of staff appears to the console; `departments` empty means every department (ADR 14),
 * `language` is their console's (ADR 51).
 */
export function toStaffMember(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  departments: readonly string[],
  language: Language,
): StaffMember {
  return {
    id: staff.id,
    email: staff.email,
    firstName: staff.firstName,
    lastName: staff.lastName,
    displayName: agentDisplayName(staff.firstName, staff.lastName, ctx.organisation.settings.agentNameShown),
    role: staff.role,
    departments: [...departments],
    language,
  };
}

export const memberOf = (ctx: ServiceContext, row: StaffRow) =>
  toStaffMember(ctx, toPrincipal(row), row.departments, row.language);
