import type { StaffRole } from '@ward/protocol';
import { roleNames } from '../../session/roles.ts';

const hints: Record<StaffRole, string> = {
  agent: 'Answers chats and works on the cases of their departments.',
  supervisor: 'Also reads the live chats other agents are handling in their departments.',
  privacy_officer: 'Reads every department’s records and cases, the audit trail and retention. Does not answer chats.',
  admin: 'Does everything, and also manages staff and integrations.',
};

/** The roles to choose from, with what each may do, for the invitation and change forms. */
export const roleOptions = (['agent', 'supervisor', 'privacy_officer', 'admin'] as const).map((value) => ({
  value,
  label: roleNames[value],
  hint: hints[value],
}));
