import type { StaffRole } from '@ward/protocol';

/** Whether giving `staffId` the role `role` still leaves at least one active administrator. */
export function keepsAnAdministrator(
  activeAdministrators: readonly string[],
  staffId: string,
  role: StaffRole,
): boolean {
  if (role === 'admin') return true;
  return activeAdministrators.some((id) => id !== staffId);
}
