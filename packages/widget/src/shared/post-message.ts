/**
 * The postMessage protocol between the loader (on the council's page) and the iframe app.
 * Every message carries `ward: 1` so it cannot be confused with other scripts' messages.
 * Receivers must also check `event.origin` and `event.source` before parsing.
 * Pure: no DOM access.
 */
import type { Language } from '@ward/protocol/resident-rules';
import { exitUrl } from './quick-exit.ts';

/** Iframe app → loader. */
export type AppMessage =
  /** The app is listening; the loader may now send `open`. */
  | { ward: 1; type: 'ready' }
  /** The resident pressed the app's close button or Escape. */
  | { ward: 1; type: 'close' }
  /** Messages from the council that arrived while the panel was closed (0 clears it). */
  | { ward: 1; type: 'unread'; count: number }
  /** Whether a conversation is in progress, so the loader can restore it after a page load. */
  | { ward: 1; type: 'chat'; active: boolean }
  /** "Exit this page": forget the chat and replace the page with this neutral one (Ward's config). */
  | { ward: 1; type: 'exit'; url: string }
  /** Whether "Exit this page" is offered, and where it goes: Shift×3 on the council's page counts too. */
  | { ward: 1; type: 'quick-exit'; url: string | null }
  /** The chat's language, as the resident chose it: the launcher follows (ADR 49). */
  | { ward: 1; type: 'language'; language: Language };

/** Loader → iframe app. */
export type LoaderMessage =
  /** The panel is shown; `focus` asks the app to move focus to its first useful element. */
  | { ward: 1; type: 'open'; focus: boolean }
  /** The panel is hidden. */
  | { ward: 1; type: 'hidden' }
  /** Tab went past the end (`first`) or Shift+Tab past the start (`last`) of the full-screen chat. */
  | { ward: 1; type: 'focus'; edge: 'first' | 'last' }
  /** Shift was pressed three times on the council's page: leave now, as the app's own shortcut does. */
  | { ward: 1; type: 'exit-now' };

const maxUnread = 999;

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** Returns the message when `data` is exactly one of the app's messages, otherwise null. */
export function parseAppMessage(data: unknown): AppMessage | null {
  if (!isRecord(data) || data.ward !== 1) return null;
  const type = data.type;
  if (type === 'ready' || type === 'close') return { ward: 1, type };
  if (type === 'unread') {
    const count = data.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > maxUnread) return null;
    return { ward: 1, type, count };
  }
  if (type === 'chat' && typeof data.active === 'boolean') return { ward: 1, type, active: data.active };
  if (type === 'exit') {
    const url = exitUrl(data.url);
    return url ? { ward: 1, type, url } : null;
  }
  if (type === 'language' && (data.language === 'en' || data.language === 'cy'))
    return { ward: 1, type, language: data.language };
  if (type === 'quick-exit') {
    if (data.url === null) return { ward: 1, type, url: null };
    const url = exitUrl(data.url);
    return url ? { ward: 1, type, url } : null;
  }
  return null;
}

/** Returns the message when `data` is exactly one of the loader's messages, otherwise null. */
export function parseLoaderMessage(data: unknown): LoaderMessage | null {
  if (!isRecord(data) || data.ward !== 1) return null;
  if (data.type === 'open') return { ward: 1, type: 'open', focus: data.focus !== false };
  if (data.type === 'hidden') return { ward: 1, type: 'hidden' };
  if (data.type === 'focus' && (data.edge === 'first' || data.edge === 'last'))
    return { ward: 1, type: 'focus', edge: data.edge };
  if (data.type === 'exit-now') return { ward: 1, type: 'exit-now' };
  return null;
}

/**
 * The origin a message may be posted to, from the app's `parent` query parameter: only a
 * plain http(s) origin is accepted (no path, no "null", no "*").
 */
export function parseParentOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/** Accessible name of the launcher, e.g. "Chat with us, 2 new messages" ("Sgwrsiwch â ni, 2 neges newydd"). */
export function launcherName(label: string, unread: number, language: Language = 'en'): string {
  if (unread <= 0) return label;
  if (language === 'cy') return `${label}, ${unread} neges newydd`;
  return `${label}, ${unread} new message${unread === 1 ? '' : 's'}`;
}
