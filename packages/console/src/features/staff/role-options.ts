import type { StaffRole } from '@ward/protocol';
import { staffEn } from './texts-en.ts';

/** The roles to choose from, with what each may do, for the invitation and change forms. */
export const roleOptions = (says: Pick<typeof staffEn, 'roles' | 'roleHints'> = staffEn) =>
  (['agent', 'supervisor', 'privacy_officer', 'admin'] as const).map((value: StaffRole) => ({
    value,
    label: says.roles[value],
    hint: says.roleHints[value],
  }));
