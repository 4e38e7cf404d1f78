/**
 * The chats page's keyboard shortcuts (pure). Alt+Shift with a letter, so they never clash with
 * typing or with screen readers' own keys (Insert, Caps Lock, Control+Option); `?` opens the list
 * only when the agent is not typing. Keys are read by their place (`code`), as Alt changes the
 * character on a Mac.
 */
export type ChatShortcut =
  'next-chat' | 'previous-chat' | 'accept-next' | 'focus-reply' | 'open-canned-replies' | 'show-shortcuts';

export interface ShortcutKeys {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The list on the help panel, in the order shown. */
export const chatShortcuts: ReadonlyArray<{ shortcut: ChatShortcut; keys: string; does: string; code?: string }> = [
  { shortcut: 'next-chat', keys: 'Alt + Shift + N', does: 'Go to your next chat', code: 'KeyN' },
  { shortcut: 'previous-chat', keys: 'Alt + Shift + P', does: 'Go to your previous chat', code: 'KeyP' },
  { shortcut: 'accept-next', keys: 'Alt + Shift + W', does: 'Accept the chat waiting longest', code: 'KeyW' },
  { shortcut: 'focus-reply', keys: 'Alt + Shift + R', does: 'Go to the reply box', code: 'KeyR' },
  { shortcut: 'open-canned-replies', keys: 'Alt + Shift + C', does: 'Open canned replies', code: 'KeyC' },
  { shortcut: 'show-shortcuts', keys: '?', does: 'Show these shortcuts (when not typing)' },
];

export function shortcutFor(event: ShortcutKeys, typing: boolean): ChatShortcut | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey && event.shiftKey)
    return chatShortcuts.find((item) => item.code !== undefined && item.code === event.code)?.shortcut ?? null;
  if (!event.altKey && event.key === '?' && !typing) return 'show-shortcuts';
  return null;
}

/** The chat after (or before) the selected one, round the list; the first when none is selected. */
export function neighbourChat(ids: readonly string[], selectedId: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = selectedId === null ? -1 : ids.indexOf(selectedId);
  if (index === -1) return ids[0] ?? null;
  return ids[(index + step + ids.length) % ids.length] ?? null;
}

/** Fired for Alt+Shift+C; the canned replies take it (and call preventDefault), else the reply box gets focus. */
export const openCannedRepliesEvent = 'ward:open-canned-replies';
