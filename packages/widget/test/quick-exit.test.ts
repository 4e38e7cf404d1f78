import { describe, expect, it } from 'vitest';
import { createShiftCounter, exitUrl, widgetStorageKeys } from '../src/shared/quick-exit.ts';
import { forgetEverything } from '../src/app/storage.ts';
import { shiftAnnouncement } from '../src/shared/quick-exit.ts';

/** Presses and releases a key, as a keyboard does. */
function press(counter: ReturnType<typeof createShiftCounter>, key: string, at: number): number | null {
  counter.keydown(key);
  return counter.keyup(key, at);
}

describe('pressing Shift three times to exit', () => {
  it('exits on the third press within five seconds, counting down on the way', () => {
    const counter = createShiftCounter();
    expect(press(counter, 'Shift', 0)).toBe(2);
    expect(press(counter, 'Shift', 300)).toBe(1);
    expect(press(counter, 'Shift', 600)).toBe(0);
  });

  it('starts again after five seconds', () => {
    const counter = createShiftCounter();
    press(counter, 'Shift', 0);
    press(counter, 'Shift', 1000);
    expect(press(counter, 'Shift', 5001)).toBe(2);
    expect(press(counter, 'Shift', 5500)).toBe(1);
    expect(press(counter, 'Shift', 6000)).toBe(0);
  });

  it('starts again after exiting, so a fourth press does not exit twice', () => {
    const counter = createShiftCounter();
    for (const at of [0, 100, 200]) press(counter, 'Shift', at);
    expect(press(counter, 'Shift', 300)).toBe(2);
  });

  it('does not count typing: another key in between starts again', () => {
    const counter = createShiftCounter();
    press(counter, 'Shift', 0);
    press(counter, 'Shift', 100);
    expect(press(counter, 'a', 150)).toBeNull();
    expect(press(counter, 'Shift', 200)).toBe(2);
  });

  it('does not count Shift used with another key (capital letters, Shift+Tab)', () => {
    const counter = createShiftCounter();
    for (const [index, key] of ['A', 'B', 'Tab'].entries()) {
      counter.keydown('Shift');
      counter.keydown(key);
      expect(counter.keyup(key, index * 100)).toBeNull();
      expect(counter.keyup('Shift', index * 100 + 50)).toBeNull();
    }
    expect(press(counter, 'Shift', 400)).toBe(2);
  });

  it('does not count a held Shift repeating', () => {
    const counter = createShiftCounter();
    counter.keydown('Shift');
    counter.keydown('Shift', true);
    counter.keydown('Shift', true);
    expect(counter.keyup('Shift', 0)).toBe(2);
  });

  it('tells screen reader users how many presses are left, as GOV.UK does', () => {
    expect(shiftAnnouncement(2)).toBe('Shift, press 2 more times to exit.');
    expect(shiftAnnouncement(1)).toBe('Shift, press 1 more time to exit.');
    expect(shiftAnnouncement(0)).toBe('Loading.');
    expect(shiftAnnouncement(2, 'cy')).toBe('Shift, pwyswch ddwywaith eto i adael.');
    expect(shiftAnnouncement(1, 'cy')).toBe('Shift, pwyswch unwaith eto i adael.');
    expect(shiftAnnouncement(0, 'cy')).toBe('Yn llwytho.');
  });
});

describe('where exiting may go', () => {
  it('accepts plain web addresses only', () => {
    expect(exitUrl('https://www.bbc.co.uk/weather')).toBe('https://www.bbc.co.uk/weather');
    expect(exitUrl('http://127.0.0.1:3000/accessibility')).toBe('http://127.0.0.1:3000/accessibility');
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', '/weather', '', 'www.bbc.co.uk', null, 7, {}]) {
      expect(exitUrl(bad)).toBeNull();
    }
  });
});

/** A Web Storage area: the part of the DOM API the widget uses (Node has none of its own here). */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
  keys() {
    return [...this.#items.keys()];
  }
}

describe('forgetting the chat on exit', () => {
  it('finds only this council’s widget keys', () => {
    expect(
      widgetStorageKeys(
        ['ward:demo:conversation', 'ward:demo:messages', 'ward:other:outbox', 'ward-open', 'x'],
        'demo',
      ),
    ).toEqual(['ward:demo:conversation', 'ward:demo:messages']);
  });

  it('removes every key the app stored for the council, including ones added later, and nothing else', () => {
    const storage = new MemoryStorage();
    for (const key of ['conversation', 'messages', 'outbox', 'something-new'])
      storage.setItem(`ward:demo:${key}`, '{}');
    storage.setItem('ward:northshire:conversation', '{}');
    storage.setItem('page-setting', '1');
    forgetEverything('demo', storage);
    expect(storage.keys()).toEqual(['ward:northshire:conversation', 'page-setting']);
  });

  it('does nothing when storage is unavailable', () => {
    expect(() => forgetEverything('demo', null)).not.toThrow();
  });
});
