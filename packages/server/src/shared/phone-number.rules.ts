import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A telephone number as typed in an online form or a pre-chat question (both check them alike), UK by default,
 * in E.164 (`+447911123456`); null when it is not a real number.
 */
export function parsePhoneNumber(typed: string): string | null {
  const trimmed = typed.trim();
  // Only what people write in phone numbers: the parser would otherwise skip other characters.
  if (trimmed.length > 30 || !/^[+\d\s().-]+$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'GB');
  return parsed?.isValid() ? parsed.number : null;
}
