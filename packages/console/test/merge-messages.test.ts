import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMessage, highestSeq, mergeMessages } from '../src/realtime/merge-messages.ts';
import { message } from './helpers.ts';

const seqs = (list: { seq: number }[]) => list.map((item) => item.seq);

/** Any number of deliveries of seqs 1..n: shuffled, split into batches, some repeated. */
const deliveries = fc.integer({ min: 0, max: 30 }).chain((count) =>
  fc
    .tuple(
      fc.shuffledSubarray(
        Array.from({ length: count }, (_, i) => i + 1),
        { minLength: count, maxLength: count },
      ),
      fc.array(fc.integer({ min: 1, max: Math.max(count, 1) }), { maxLength: 10 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
    )
    .map(([order, repeats, batchSizes]) => {
      const stream = [...order, ...(count > 0 ? repeats : [])].map((seq) => message(seq));
      const batches: ReturnType<typeof message>[][] = [];
      let i = 0;
      let b = 0;
      while (i < stream.length) {
        const size = batchSizes[b++ % batchSizes.length] ?? 1;
        batches.push(stream.slice(i, i + size));
        i += size;
      }
      return { count, batches };
    }),
);

describe('mergeMessages', () => {
  it('orders by seq and drops duplicates', () => {
    expect(seqs(mergeMessages([message(1), message(3)], [message(2), message(3), message(1)]))).toEqual([1, 2, 3]);
  });

  it('keeps the incoming copy of a seq it already has (marked as consent evidence)', () => {
    const merged = mergeMessages([message(1), message(2)], [message(2, { consentEvidence: true })]);
    expect(merged).toHaveLength(2);
    expect(merged[1]?.consentEvidence).toBe(true);
  });

  it('returns the same list when there is nothing to add', () => {
    const current = [message(1)];
    expect(mergeMessages(current, [])).toBe(current);
  });

  it('property: any interleaving, batching and repetition of deliveries gives 1..n in order, once each', () => {
    fc.assert(
      fc.property(deliveries, ({ count, batches }) => {
        let log: ReturnType<typeof message>[] = [];
        for (const batch of batches) log = mergeMessages(log, batch);
        expect(seqs(log)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
        expect(highestSeq(log)).toBe(count);
      }),
    );
  });

  it('property: merging is idempotent and the seqs do not depend on the order of the two lists', () => {
    const list = fc
      .array(fc.integer({ min: 1, max: 50 }), { maxLength: 30 })
      .map((values) => values.map((seq) => message(seq)));
    fc.assert(
      fc.property(list, list, (a, b) => {
        const ab = mergeMessages(a, b);
        expect(seqs(mergeMessages(ab, b))).toEqual(seqs(ab));
        expect(seqs(mergeMessages(ab, a))).toEqual(seqs(ab));
        expect(seqs(ab)).toEqual(seqs(mergeMessages(b, a)));
        const strictlyIncreasing = seqs(ab).every((seq, i, all) => i === 0 || seq > (all[i - 1] ?? 0));
        expect(strictlyIncreasing).toBe(true);
        expect(new Set(seqs(ab))).toEqual(new Set([...seqs(a), ...seqs(b)]));
      }),
    );
  });

  it('highestSeq is 0 for no messages; hasMessage finds by seq', () => {
    expect(highestSeq([])).toBe(0);
    expect(hasMessage([message(4)], 4)).toBe(true);
    expect(hasMessage([message(4)], 5)).toBe(false);
  });
});
