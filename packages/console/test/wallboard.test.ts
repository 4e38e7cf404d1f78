import { describe, expect, it } from 'vitest';
import { waitingAnnouncement } from '../src/features/reports/wallboard-wording.ts';
import { WallboardHints } from '../src/realtime/wallboard-hints.ts';

describe('the wallboard', () => {
  it('announces a change of the number waiting, and nothing else', () => {
    expect(waitingAnnouncement(null, 3)).toBeNull();
    expect(waitingAnnouncement(2, 2)).toBeNull();
    expect(waitingAnnouncement(0, 1)).toBe('1 resident is waiting now');
    expect(waitingAnnouncement(1, 4)).toBe('4 residents are waiting now');
    expect(waitingAnnouncement(1, 0)).toBe('Nobody is waiting now');
  });

  it('tells each listener of a hint until it stops listening', () => {
    const hints = new WallboardHints();
    let heard = 0;
    const stop = hints.add(() => heard++);
    hints.emit();
    stop();
    hints.emit();
    expect(heard).toBe(1);
  });
});
