export type ResidentSearchField = 'email' | 'name';
export type ResidentSearch = { email?: string; name?: string };

/** Checks the resident search before asking the server: at least one field, each plausible. */
export function validateResidentSearch(
  email: string,
  name: string,
): { search: ResidentSearch } | { errors: Partial<Record<ResidentSearchField, string>> } {
  const trimmedEmail = email.trim();
  const trimmedName = name.trim();
  const errors: Partial<Record<ResidentSearchField, string>> = {};
  if (!trimmedEmail && !trimmedName) errors.email = 'Enter the resident’s email address or name';
  if (trimmedEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmedEmail))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (trimmedName && trimmedName.replace(/[\s'’-]/g, '').length < 2)
    errors.name = 'Enter at least 2 letters of the name';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    search: { ...(trimmedEmail ? { email: trimmedEmail } : {}), ...(trimmedName ? { name: trimmedName } : {}) },
  };
}
