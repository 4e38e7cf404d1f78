/**
 * Where a waiting resident stands and how long chats usually wait (issue 11). Position is first in,
 * first out per department, so it stays true however chats are later handed out; the wait is the
 * median of the department's recent waits, rounded up to a figure that does not pretend precision.
 */

/** At least this many answered chats before Ward says how long the wait usually is. */
export const minimumWaitSamples = 5;
/** The most recent answered chats of a department the estimate looks at. */
export const waitSamples = 20;
/** How far back those chats may go: an old figure says nothing about today. */
export const waitHistoryDays = 14;

/** Said as "about N minutes": small figures as they are, larger ones to the next round figure. */
const roundFigures = [1, 2, 3, 4, 5, 10, 15, 20, 30, 45, 60];

/** Each waiting chat's place in its own department's queue, from 1; `waiting` is oldest first. */
export function queuePositions(
  waiting: ReadonlyArray<{ id: string; departmentId: string }>,
): Map<string, { departmentId: string; position: number }> {
  const counts = new Map<string, number>();
  const positions = new Map<string, { departmentId: string; position: number }>();
  for (const chat of waiting) {
    const position = (counts.get(chat.departmentId) ?? 0) + 1;
    counts.set(chat.departmentId, position);
    positions.set(chat.id, { departmentId: chat.departmentId, position });
  }
  return positions;
}

/**
 * The usual wait in minutes from recent waits (milliseconds): their median rounded up to a round
 * figure, at most 60 (the widget says "an hour or more"); null with too little history.
 */
export function usualWaitMinutes(waitsMs: readonly number[]): number | null {
  const waits = waitsMs.filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => a - b);
  if (waits.length < minimumWaitSamples) return null;
  const middle = Math.floor(waits.length / 2);
  const median = waits.length % 2 === 1 ? waits[middle]! : (waits[middle - 1]! + waits[middle]!) / 2;
  const minutes = Math.ceil(median / 60_000);
  return roundFigures.find((figure) => figure >= minutes) ?? 60;
}
