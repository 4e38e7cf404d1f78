/** What residents see of an agent's name. */
export function agentDisplayName(firstName: string, lastName: string, shown: 'first-name' | 'full-name'): string {
  return shown === 'full-name' ? `${firstName} ${lastName}` : firstName;
}
