import { describe, expect, it } from 'vitest';
import { addPending, logEntries, nextToSend, reconcileOutbox, removePending } from '../src/app/outbox.ts';
import type { PendingMessage } from '../src/app/outbox.ts';
import { message } from './helpers.ts';

const pending = (n: number): PendingMessage => ({
  clientMessageId: `10000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  body: `pending ${n}`,
  createdAt: new Date(Date.UTC(2025, 0, 1, 12, 1, n)).toISOString(),
});

describe('outbox', () => {
  it('adds in order and never twice', () => {
    let outbox = addPending([], pending(1));
    outbox = addPending(outbox, pending(2));
    outbox = addPending(outbox, pending(1));
    expect(outbox.map((p) => p.body)).toEqual(['pending 1', 'pending 2']);
  });

  it('sends one at a time, oldest first, and only while connected', () => {
    const outbox = [pending(1), pending(2)];
    expect(nextToSend(outbox, { connected: false, inFlight: null })).toBeNull();
    expect(nextToSend(outbox, { connected: true, inFlight: pending(1).clientMessageId })).toBeNull();
    expect(nextToSend(outbox, { connected: true, inFlight: null })).toEqual(pending(1));
    expect(nextToSend([], { connected: true, inFlight: null })).toBeNull();
  });

  it('removes an acknowledged message; the next one is then sent with its own id', () => {
    const outbox = removePending([pending(1), pending(2)], pending(1).clientMessageId);
    expect(nextToSend(outbox, { connected: true, inFlight: null })?.clientMessageId).toBe(pending(2).clientMessageId);
  });

  it('keeps an unacknowledged message so it is sent again with the SAME clientMessageId', () => {
    const outbox = [pending(1)];
    const first = nextToSend(outbox, { connected: true, inFlight: null });
    // The connection dropped before the ack: nothing changed in the outbox.
    const again = nextToSend(outbox, { connected: true, inFlight: null });
    expect(again?.clientMessageId).toBe(first?.clientMessageId);
  });

  it('drops pending messages the server already stored (ack lost, then resume returned it)', () => {
    const p = pending(1);
    const stored = message(5, {
      clientMessageId: p.clientMessageId,
      sender: 'visitor',
      senderName: null,
      body: p.body,
    });
    expect(reconcileOutbox([p, pending(2)], [message(4), stored])).toEqual([pending(2)]);
    const unchanged = [pending(2)];
    expect(reconcileOutbox(unchanged, [message(4)])).toBe(unchanged);
  });

  it('shows stored messages by seq, then pending ones not yet stored', () => {
    const p1 = pending(1);
    const stored = message(3, { clientMessageId: p1.clientMessageId, sender: 'visitor' });
    const entries = logEntries([message(2), stored], [p1, pending(2)]);
    expect(entries.map((e) => (e.kind === 'message' ? `m${e.message.seq}` : `p${e.pending.body}`))).toEqual([
      'm2',
      'm3',
      'ppending 2',
    ]);
  });
});
