import { conversationsEn, type ConversationsTexts } from './texts-en.ts';

export type ResidentSearchField = 'email' | 'name';
export type ResidentSearch = { email?: string; name?: string };

/** Checks the resident search before asking the server: at least one field, each plausible. */
export function validateResidentSearch(
  email: string,
  name: string,
  t: ConversationsTexts = conversationsEn,
): { search: ResidentSearch } | { errors: Partial<Record<ResidentSearchField, string>> } {
  const trimmedEmail = email.trim();
  const trimmedName = name.trim();
  const errors: Partial<Record<ResidentSearchField, string>> = {};
  if (!trimmedEmail && !trimmedName) errors.email = t.errors.enterEmailOrName;
  if (trimmedEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmedEmail)) errors.email = t.errors.emailFormat;
  if (trimmedName && trimmedName.replace(/[\s'’-]/g, '').length < 2) errors.name = t.errors.nameTooShort;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    search: { ...(trimmedEmail ? { email: trimmedEmail } : {}), ...(trimmedName ? { name: trimmedName } : {}) },
  };
}
