/**
 * How long a resident's visitor token works (ADR 4, ADR 20): while the chat is open, and for a
 * grace period after it ends (the survey, the transcript email and opt-ins come after the end).
 * After that the token opens nothing, so a token left in a shared computer's browser is useless.
 */
export function visitorTokenUsable(
  conversation: { status: string; ended_at: Date | null },
  now: Date,
  graceSeconds: number,
): boolean {
  if (conversation.status !== 'ended') return true;
  // An ended chat without an end time (never expected) is treated as ended long ago.
  if (!conversation.ended_at) return false;
  return now.getTime() < conversation.ended_at.getTime() + graceSeconds * 1000;
}
