import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ChatShortcut } from './chat-shortcuts.ts';
import { shortcutFor } from './chat-shortcuts.ts';

/** Whether a key pressed here is typing (so `?` is a character, not a shortcut). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs `run` for each shortcut pressed while the page is shown; always the latest `run`. */
export function useChatShortcuts(run: (shortcut: ChatShortcut) => void): void {
  const latest = useRef(run);
  useLayoutEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat) return;
      const shortcut = shortcutFor(event, isTyping(event.target));
      if (!shortcut) return;
      event.preventDefault();
      latest.current(shortcut);
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
