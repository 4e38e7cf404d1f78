import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingNotifier } from '../src/app/typing-notifier.ts';

describe('TypingNotifier', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const sent: boolean[] = [];
    const notifier = new TypingNotifier({ emit: (isTyping) => sent.push(isTyping), now: () => Date.now() });
    return { sent, notifier };
  }

  it('says "typing" once, not on every keystroke', () => {
    const { sent, notifier } = setup();
    notifier.input('H');
    vi.advanceTimersByTime(100);
    notifier.input('He');
    vi.advanceTimersByTime(100);
    notifier.input('Hel');
    expect(sent).toEqual([true]);
  });

  it('repeats "typing" every 2 seconds while typing continues', () => {
    const { sent, notifier } = setup();
    for (let i = 0; i < 9; i++) {
      notifier.input('x'.repeat(i + 1));
      vi.advanceTimersByTime(500);
    }
    expect(sent).toEqual([true, true, true]);
  });

  it('says "stopped" after 3 seconds without a keystroke', () => {
    const { sent, notifier } = setup();
    notifier.input('Hello');
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
  });

  it('says "stopped" at once when the box is cleared or the message sent, and only once', () => {
    const { sent, notifier } = setup();
    notifier.input('Hello');
    notifier.input('');
    notifier.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([true, false]);
  });
});
