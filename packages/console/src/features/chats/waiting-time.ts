import { chatsEn, type ChatsTexts } from './texts-en.ts';

type WaitingWords = Pick<ChatsTexts, 'lessThanAMinute' | 'minutes' | 'hours'>;

/**
 * How long someone has been waiting, in words: "less than a minute", "3 minutes", "1 hour 5 minutes"
 * (in Welsh "llai na munud", "3 munud", "1 awr 5 munud").
 */
export function waitingTimeText(sinceIso: string, nowMs: number, says: WaitingWords = chatsEn): string {
  const since = Date.parse(sinceIso);
  const totalMinutes = Number.isNaN(since) ? 0 : Math.floor((nowMs - since) / 60_000);
  if (totalMinutes < 1) return says.lessThanAMinute;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return says.minutes(minutes);
  return minutes === 0 ? says.hours(hours) : `${says.hours(hours)} ${says.minutes(minutes)}`;
}
