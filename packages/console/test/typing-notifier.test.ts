import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingNotifier } from '../src/realtime/typing-notifier.ts';

describe('TypingNotifier', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const sent: boolean[] = [];
    const notifier = new TypingNotifier((isTyping) => sent.push(isTyping), {
      intervalMs: 3000,
      idleMs: 4000,
      now: () => Date.now(),
    });
    return { sent, notifier };
  }

  it('sends typing once per interval while keys keep coming', () => {
    const { sent, notifier } = setup();
    for (let i = 0; i < 10; i++) {
      notifier.input(true);
      vi.advanceTimersByTime(500);
    }
    // 5 s of typing: at 0 s and again after 3 s.
    expect(sent).toEqual([true, true]);
  });

  it('sends stopped after a pause', () => {
    const { sent, notifier } = setup();
    notifier.input(true);
    vi.advanceTimersByTime(3999);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
  });

  it('sends stopped when the draft is cleared or sent, once', () => {
    const { sent, notifier } = setup();
    notifier.input(true);
    notifier.input(false);
    notifier.stop();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, false]);
  });

  it('sends nothing for an empty draft', () => {
    const { sent, notifier } = setup();
    notifier.input(false);
    notifier.stop();
    expect(sent).toEqual([]);
  });
});
