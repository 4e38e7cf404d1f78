import { useEffect, useRef } from 'preact/hooks';
import { queuePlace } from './format.ts';

/** Screen readers hear a new place in the queue at most this often, however fast it moves. */
export const quietMs = 30_000;

/**
 * When to announce `position` (issue 11): null when there is nothing new to say, 0 for now, or
 * the milliseconds until the quiet time since the last announcement is over.
 */
export function announcementDelay(
  last: { position: number; at: number },
  position: number | null,
  now: number,
): number | null {
  if (!position || position === last.position) return null;
  return Math.max(0, last.at + quietMs - now);
}

/**
 * Announces the resident's place in the queue politely when it changes, the latest place once
 * the quiet time is over when it moves faster. `position` is null when they are not waiting.
 */
export function useQueueAnnouncement(position: number | null, announce: (text: string) => void): void {
  const last = useRef({ position: 0, at: -quietMs });
  useEffect(() => {
    const delay = announcementDelay(last.current, position, Date.now());
    if (delay === null || !position) return;
    const timer = setTimeout(() => {
      last.current = { position, at: Date.now() };
      announce(queuePlace(position));
    }, delay);
    return () => clearTimeout(timer);
  }, [position, announce]);
}
