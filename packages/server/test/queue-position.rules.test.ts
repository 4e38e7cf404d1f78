import { describe, expect, it } from 'vitest';
import { queuePositions, usualWaitMinutes } from '../src/features/conversations/queue-position.rules.ts';

const minutes = (...values: number[]) => values.map((m) => m * 60_000);

describe("a waiting resident's place in the queue", () => {
  it('counts first in, first out within each department, from 1', () => {
    const positions = queuePositions([
      { id: 'a', departmentId: 'housing' },
      { id: 'b', departmentId: 'council-tax' },
      { id: 'c', departmentId: 'housing' },
      { id: 'd', departmentId: 'housing' },
    ]);
    expect(positions.get('a')).toEqual({ departmentId: 'housing', position: 1 });
    expect(positions.get('b')).toEqual({ departmentId: 'council-tax', position: 1 });
    expect(positions.get('c')?.position).toBe(2);
    expect(positions.get('d')?.position).toBe(3);
  });

  it('has no places when nobody waits', () => {
    expect(queuePositions([]).size).toBe(0);
  });
});

describe('how long chats usually wait', () => {
  it('says nothing without enough answered chats to go on', () => {
    expect(usualWaitMinutes([])).toBeNull();
    expect(usualWaitMinutes(minutes(2, 3, 4, 5))).toBeNull();
  });

  it('takes the median, so one very long wait does not set the figure', () => {
    expect(usualWaitMinutes(minutes(1, 2, 2, 3, 300))).toBe(2);
  });

  it('rounds up to a round figure rather than a falsely precise one', () => {
    expect(usualWaitMinutes(minutes(0.2, 0.3, 0.4, 0.5, 0.6))).toBe(1);
    expect(usualWaitMinutes(minutes(6, 7, 7, 8, 9))).toBe(10);
    expect(usualWaitMinutes(minutes(21, 22, 23, 24, 25))).toBe(30);
  });

  it('says an hour at most, and ignores nonsense values', () => {
    expect(usualWaitMinutes(minutes(90, 95, 100, 120, 200))).toBe(60);
    expect(usualWaitMinutes([...minutes(3, 3, 3, 3, 3), -5, Number.NaN])).toBe(3);
  });

  it('averages the two middle waits of an even number', () => {
    expect(usualWaitMinutes(minutes(1, 2, 4, 6, 8, 9))).toBe(5);
  });
});
