/** How long someone has been waiting, in words: "less than a minute", "3 minutes", "1 hour 5 minutes". */
export function waitingTimeText(sinceIso: string, nowMs: number): string {
  const since = Date.parse(sinceIso);
  const totalMinutes = Number.isNaN(since) ? 0 : Math.floor((nowMs - since) / 60_000);
  if (totalMinutes < 1) return 'less than a minute';
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const minuteText = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  if (hours === 0) return minuteText;
  const hourText = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return minutes === 0 ? hourText : `${hourText} ${minuteText}`;
}
