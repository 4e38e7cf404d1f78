import { describe, expect, it } from 'vitest';
import type { ShortcutKeys } from '../src/features/chats/chat-shortcuts.ts';
import { chatShortcuts, neighbourChat, shortcutFor } from '../src/features/chats/chat-shortcuts.ts';

const press = (code: string, key: string, modifiers: Partial<ShortcutKeys> = {}): ShortcutKeys => ({
  code,
  key,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});
const altShift = (code: string, key: string) => press(code, key, { altKey: true, shiftKey: true });

describe('the chats page’s keyboard shortcuts', () => {
  it('maps Alt+Shift and a letter, by the key’s place (a Mac’s Alt changes the character)', () => {
    expect(shortcutFor(altShift('KeyN', 'N'), true)).toBe('next-chat');
    expect(shortcutFor(altShift('KeyP', 'Π'), true)).toBe('previous-chat');
    expect(shortcutFor(altShift('KeyW', 'W'), false)).toBe('accept-next');
    expect(shortcutFor(altShift('KeyR', '‰'), true)).toBe('focus-reply');
    expect(shortcutFor(altShift('KeyC', 'Ç'), true)).toBe('open-canned-replies');
  });

  it('leaves typing alone: plain letters, Shift, Control and Command combinations are not shortcuts', () => {
    expect(shortcutFor(press('KeyN', 'n'), false)).toBeNull();
    expect(shortcutFor(press('KeyN', 'N', { shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(press('KeyN', 'n', { altKey: true }), false)).toBeNull();
    expect(shortcutFor(press('KeyN', 'N', { altKey: true, shiftKey: true, ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('KeyC', 'c', { metaKey: true }), false)).toBeNull();
    expect(shortcutFor(altShift('KeyZ', 'Z'), false)).toBeNull();
  });

  it('opens the list with ? only when the agent is not typing', () => {
    expect(shortcutFor(press('Slash', '?', { shiftKey: true }), false)).toBe('show-shortcuts');
    expect(shortcutFor(press('Slash', '?', { shiftKey: true }), true)).toBeNull();
  });

  it('lists every shortcut with its keys', () => {
    expect(chatShortcuts.map((item) => item.keys)).toEqual([
      'Alt + Shift + N',
      'Alt + Shift + P',
      'Alt + Shift + W',
      'Alt + Shift + R',
      'Alt + Shift + C',
      '?',
    ]);
  });

  it('moves to the next and previous chat round the list', () => {
    const ids = ['a', 'b', 'c'];
    expect(neighbourChat(ids, 'a', 1)).toBe('b');
    expect(neighbourChat(ids, 'c', 1)).toBe('a');
    expect(neighbourChat(ids, 'a', -1)).toBe('c');
    expect(neighbourChat(ids, null, 1)).toBe('a');
    expect(neighbourChat([], null, 1)).toBeNull();
  });
});
