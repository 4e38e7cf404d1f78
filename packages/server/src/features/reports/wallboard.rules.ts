import type { StaffRole } from '@ward/protocol';
import { handlesChats } from '../access/access.rules.ts';
import { addDays, londonDateOf, startOfLondonDay } from '../../shared/london-calendar.rules.ts';

/** The wallboard's figures, pure (issue 12): from the queue, today's events and the connected staff. */

/** Today, the Europe/London day around `now`: [start, end). To its end, so no clock skew loses an event. */
export function londonDayAround(now: Date): { start: Date; end: Date } {
  const today = londonDateOf(now);
  return { start: startOfLondonDay(today), end: startOfLondonDay(addDays(today, 1)) };
}

/** Whole seconds since the longest-waiting resident started; 0 when nobody waits (or a clock runs ahead). */
export function longestWaitSeconds(oldestWaitingSince: Date | null, now: Date): number {
  if (!oldestWaitingSince) return 0;
  return Math.max(0, Math.floor((now.getTime() - oldestWaitingSince.getTime()) / 1000));
}

/** People, not tabs: a member of staff with the console open twice counts once; only roles that take chats. */
export function agentsAvailable(connected: ReadonlyArray<{ staffId: string; role: StaffRole }>): number {
  return new Set(connected.filter((s) => handlesChats(s.role)).map((s) => s.staffId)).size;
}
