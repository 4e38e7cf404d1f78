/** The agent's choice of alerts, kept in this browser (no personal data): a sound, a desktop notification. */
export interface AlertPreferences {
  sound: boolean;
  desktop: boolean;
}

const key = 'ward:alerts';
/** A sound unless turned off; desktop notifications only once the agent has asked for them. */
export const defaultAlertPreferences: AlertPreferences = { sound: true, desktop: false };

/** What was stored, or the defaults where nothing (or something unreadable) was. */
export function parseAlertPreferences(stored: string | null): AlertPreferences {
  try {
    const value: unknown = stored ? JSON.parse(stored) : null;
    if (typeof value !== 'object' || value === null) return defaultAlertPreferences;
    const { sound, desktop } = value as Record<string, unknown>;
    return {
      sound: typeof sound === 'boolean' ? sound : defaultAlertPreferences.sound,
      desktop: typeof desktop === 'boolean' ? desktop : defaultAlertPreferences.desktop,
    };
  } catch {
    return defaultAlertPreferences;
  }
}

export function readAlertPreferences(): AlertPreferences {
  try {
    return parseAlertPreferences(localStorage.getItem(key));
  } catch {
    return defaultAlertPreferences;
  }
}

export function writeAlertPreferences(preferences: AlertPreferences): void {
  try {
    localStorage.setItem(key, JSON.stringify(preferences));
  } catch {
    // Storage unavailable (a locked-down browser): the choice lasts until the page is closed.
  }
}
