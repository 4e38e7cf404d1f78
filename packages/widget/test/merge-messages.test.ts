import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highestSeq, leavesGap, mergeMessages, newlyAdded } from '../src/app/merge-messages.ts';
import { message } from './helpers.ts';

const seqs = (list: { seq: number }[]) => list.map((m) => m.seq);

describe('mergeMessages', () => {
  it('orders by seq and drops duplicates', () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3), message(1)]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
  });

  it('returns the same array when nothing is new', () => {
    const current = [message(1), message(2)];
    expect(mergeMessages(current, [message(2)])).toBe(current);
    expect(mergeMessages(current, [])).toBe(current);
  });

  it('keeps the newer copy of a seq (an agent marked it as consent)', () => {
    const merged = mergeMessages([message(1)], [message(1, { consentEvidence: true })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.consentEvidence).toBe(true);
  });

  it('any interleaving and duplication of deliveries gives the ordered, duplicate-free list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((count) =>
          fc.tuple(
            fc.constant(count),
            // Each delivery is a batch of seqs (a live event is a batch of one; a resume is many).
            fc.array(fc.array(fc.integer({ min: 1, max: Math.max(count, 1) }), { maxLength: 8 }), { maxLength: 30 }),
            fc.array(fc.integer({ min: 1, max: Math.max(count, 1) }), { maxLength: 20 }),
          ),
        ),
        ([count, batches, initial]) => {
          // Make sure every seq is delivered at least once, in some batch, at some point.
          const all = Array.from({ length: count }, (_, i) => i + 1);
          const deliveries = [...batches, all.slice().reverse()].map((batch) =>
            batch.filter((seq) => seq <= count).map((seq) => message(seq)),
          );
          let held = mergeMessages(
            [],
            initial.filter((seq) => seq <= count).map((seq) => message(seq)),
          );
          for (const delivery of deliveries) {
            held = mergeMessages(held, delivery);
            // After every step: strictly increasing, so ordered and without duplicates.
            for (let i = 1; i < held.length; i++)
              expect((held[i] as { seq: number }).seq).toBeGreaterThan((held[i - 1] as { seq: number }).seq);
          }
          expect(seqs(held)).toEqual(all);
          expect(held).toEqual(all.map((seq) => message(seq)));
        },
      ),
    );
  });

  it('the result does not depend on the order deliveries arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 6 }), { maxLength: 12 }),
        (batches) => {
          const deliver = (order: number[][]) =>
            order.reduce(
              (held, batch) =>
                mergeMessages(
                  held,
                  batch.map((seq) => message(seq)),
                ),
              mergeMessages([], []),
            );
          const forwards = deliver(batches);
          const backwards = deliver(
            batches
              .slice()
              .reverse()
              .map((batch) => batch.slice().reverse()),
          );
          expect(forwards).toEqual(backwards);
          expect(seqs(forwards)).toEqual([...new Set(batches.flat())].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('highestSeq and gaps', () => {
  it('is 0 with no messages', () => {
    expect(highestSeq([])).toBe(0);
  });

  it('is the highest seq held', () => {
    expect(highestSeq([message(1), message(7), message(3)])).toBe(7);
  });

  it('spots a gap after what is held', () => {
    expect(leavesGap([message(1), message(2)], message(3))).toBe(false);
    expect(leavesGap([message(1), message(2)], message(5))).toBe(true);
    expect(leavesGap([], message(1))).toBe(false);
    expect(leavesGap([message(1), message(2)], message(2))).toBe(false);
  });
});

describe('newlyAdded', () => {
  it('lists the seqs the merge added, in order', () => {
    const before = [message(1), message(2)];
    const after = mergeMessages(before, [message(4), message(3), message(2)]);
    expect(seqs(newlyAdded(before, after))).toEqual([3, 4]);
  });
});
