import type { Language } from '@ward/protocol/resident-rules';

/**
 * "Exit this page" (ADR 31), the pure parts: the Shift×3 shortcut and what may be navigated to.
 * No DOM access.
 */

/** As GOV.UK's Exit this page: three presses of Shift within five seconds. */
export const shiftPressesToExit = 3;
export const shiftWindowMs = 5000;

export interface ShiftCounter {
  /** Every keydown. A key pressed while Shift is held (Shift+Tab) means that Shift does not count. */
  keydown: (key: string, repeat?: boolean) => void;
  /**
   * Every keyup. Returns how many Shift presses are still needed to exit: 0 means exit now;
   * null when this key was not a counted Shift press.
   */
  keyup: (key: string, now: number) => number | null;
}

export function createShiftCounter(presses = shiftPressesToExit, windowMs = shiftWindowMs): ShiftCounter {
  let count = 0;
  let firstAt = 0;
  let usedAsModifier = false;
  return {
    keydown: (key, repeat = false) => {
      if (key === 'Shift') {
        if (!repeat) usedAsModifier = false;
        return;
      }
      // Any other key: the resident is typing, not exiting.
      count = 0;
      usedAsModifier = true;
    },
    keyup: (key, now) => {
      if (key !== 'Shift') return null;
      if (usedAsModifier) {
        usedAsModifier = false;
        return null;
      }
      if (count === 0 || now - firstAt > windowMs) {
        count = 0;
        firstAt = now;
      }
      count += 1;
      const left = presses - count;
      if (left <= 0) count = 0;
      return Math.max(left, 0);
    },
  };
}

/** Only a plain http(s) address may be navigated to; anything else (javascript:, data:…) is null. */
export function exitUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The keys of the app's own storage for this council: `ward:<organisation>:*`. */
export function widgetStorageKeys(allKeys: readonly string[], organisation: string): string[] {
  const prefix = `ward:${organisation}:`;
  return allKeys.filter((key) => key.startsWith(prefix));
}

/** What the live region says after each Shift press, as GOV.UK's component does, in English or Welsh. */
export function shiftAnnouncement(pressesLeft: number, language: Language = 'en'): string {
  if (language === 'cy') {
    if (pressesLeft <= 0) return 'Yn llwytho.';
    const times = pressesLeft === 1 ? 'unwaith' : pressesLeft === 2 ? 'ddwywaith' : `${pressesLeft} gwaith`;
    return `Shift, pwyswch ${times} eto i adael.`;
  }
  if (pressesLeft <= 0) return 'Loading.';
  return `Shift, press ${pressesLeft} more time${pressesLeft === 1 ? '' : 's'} to exit.`;
}
