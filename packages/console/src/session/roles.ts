import type { StaffRole } from '@ward/protocol';

/**
 * What the console shows each role (ADR 25). The server decides every access; these only keep
 * the pages and links someone may not use out of their way.
 */
export const roleNames: Record<StaffRole, string> = {
  agent: 'Agent',
  supervisor: 'Supervisor',
  privacy_officer: 'Privacy officer',
  admin: 'Admin',
};

/** Staff, integrations and settings. */
export const administers = (role: StaffRole): boolean => role === 'admin';

/** The audit trail, retention and holds, residents' rights. */
export const doesPrivacyWork = (role: StaffRole): boolean => role === 'admin' || role === 'privacy_officer';

/** Takes chats from the queue: everyone but privacy officers. */
export const answersChats = (role: StaffRole): boolean => role !== 'privacy_officer';

/** Reports: supervisors and administrators; agents their own figures ("Your figures"). Not privacy officers. */
export const readsReports = (role: StaffRole): boolean => role !== 'privacy_officer';

/** The live wallboard: supervisors and administrators, who run the team. */
export const watchesWallboard = (role: StaffRole): boolean => role === 'supervisor' || role === 'admin';

/**
 * Which pages a role may open: `admin` needs an administrator, `privacy` privacy work, `chats` answering chats,
 * `reports` reading reports, `wallboard` running a team.
 */
export type PageDuty = 'admin' | 'privacy' | 'chats' | 'reports' | 'wallboard';

export function mayOpen(role: StaffRole, duty: PageDuty | undefined): boolean {
  if (duty === 'admin') return administers(role);
  if (duty === 'privacy') return doesPrivacyWork(role);
  if (duty === 'chats') return answersChats(role);
  if (duty === 'reports') return readsReports(role);
  if (duty === 'wallboard') return watchesWallboard(role);
  return true;
}
