/**
 * Personal data the tests give Ward as residents (names, addresses, message text, card numbers).
 * None of it may ever appear in what Ward logs during the whole run (global-setup.ts checks).
 */
export const logCanaries: readonly string[] = [
  'Ann Resident',
  'ann@example.com',
  'Bob Resident',
  'Other Resident',
  'My bin was not collected',
  'My green bin was not collected on Tuesday',
  'Is my housing application complete?',
  'I agree to you using my details for this enquiry',
  '4111 1111 1111 1111',
  '4111111111111111',
  'qzxvwy',
  '203.0.113.177',
];

export function findCanaries(text: string): string[] {
  const lower = text.toLowerCase();
  return logCanaries.filter((canary) => lower.includes(canary.toLowerCase()));
}
