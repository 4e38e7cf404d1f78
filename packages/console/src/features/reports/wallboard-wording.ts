/** The wallboard's timing and what it announces (pure). */
import { reportsEn } from './texts-en.ts';

type Says = Pick<typeof reportsEn, 'nobodyWaitingNow' | 'oneWaitingNow' | 'waitingNowCount'>;

/** Hints close together (a chat started and at once accepted) bring one read. */
export const wallboardHintDelayMs = 300;
/** In case a hint was missed (the socket was away): the figures are read this often anyway. */
export const wallboardRefreshMs = 30_000;

/** Said politely when the number waiting changes; nothing on the first read or when it stays the same. */
export function waitingAnnouncement(before: number | null, now: number, says: Says = reportsEn): string | null {
  if (before === null || before === now) return null;
  if (now === 0) return says.nobodyWaitingNow;
  return now === 1 ? says.oneWaitingNow : says.waitingNowCount(now);
}
