/**
 * What an administrator typed as a number of chats at once: a whole number, null for "as set
 * elsewhere" (left empty), or undefined when it is not a number (Ward checks the range).
 */
export function typedCapacity(typed: string): number | null | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
