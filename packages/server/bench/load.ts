import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pair } from './clients.ts';

export type LoadOptions = {
  warmupMs: number;
  durationMs: number;
  /** Half the messages go agent → visitor (pairs start on alternate sides). */
  alternate: boolean;
  /** A message not acknowledged and received within this time stops its pair with an error. */
  messageTimeoutMs: number;
  /** Stops every pair after its current message. */
  signal: AbortSignal;
  /** Called when the measured window opens and closes (after the warm-up, at the end). */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
};

export type LoadResult = {
  /** Messages sent inside the measured window and both acknowledged and received inside it. */
  messages: number;
  seconds: number;
  /** Send → the other party's `message` event, ms. */
  delivery: number[];
  /** Send → the sender's acknowledgement, ms. */
  ack: number[];
  visitorToAgent: number;
  agentToVisitor: number;
  errors: string[];
};

type Clock = { measureFrom: number; end: number };

const messageBody = (n: number) =>
  `Hello, my green bin was not collected on Tuesday. Could someone look into it? (${n})`;

/** Resolves the waiter of each message the *other* party receives, by clientMessageId. */
function listen(pair: Pair): Map<string, (receivedAt: number) => void> {
  const waiting = new Map<string, (receivedAt: number) => void>();
  pair.agent.on('message', ({ message }) => {
    if (message.sender === 'visitor') waiting.get(message.clientMessageId)?.(performance.now());
  });
  pair.visitor.on('message', (message) => {
    if (message.sender === 'agent') waiting.get(message.clientMessageId)?.(performance.now());
  });
  return waiting;
}

/** One pair, one message at a time: send, wait for the ack and for the other side to receive it. */
async function drive(pair: Pair, index: number, clock: Clock, options: LoadOptions, result: LoadResult): Promise<void> {
  const waiting = listen(pair);
  const timeout = options.messageTimeoutMs;
  for (let n = 0; performance.now() < clock.end && !options.signal.aborted; n++) {
    const fromVisitor = !options.alternate || (n + index) % 2 === 0;
    const clientMessageId = randomUUID();
    const body = messageBody(n);
    let timer: NodeJS.Timeout | undefined;
    const received = new Promise<number>((resolve, reject) => {
      waiting.set(clientMessageId, resolve);
      timer = setTimeout(() => reject(new Error(`a message was not received within ${timeout} ms`)), timeout);
    });
    const sentAt = performance.now();
    const acked = (
      fromVisitor
        ? pair.visitor.timeout(timeout).emitWithAck('message:send', { clientMessageId, body })
        : pair.agent
            .timeout(timeout)
            .emitWithAck('message:send', { conversationId: pair.conversationId, clientMessageId, body })
    ).then((ack) => {
      if (!ack.ok) throw new Error(`message:send was refused: ${ack.error.code} ${ack.error.message}`);
      return performance.now();
    });
    try {
      const [ackedAt, receivedAt] = await Promise.all([acked, received]);
      if (sentAt >= clock.measureFrom && Math.max(ackedAt, receivedAt) <= clock.end) {
        result.messages++;
        result.delivery.push(receivedAt - sentAt);
        result.ack.push(ackedAt - sentAt);
        if (fromVisitor) result.visitorToAgent++;
        else result.agentToVisitor++;
      }
    } catch (error) {
      result.errors.push(`pair ${index + 1}: ${(error as Error).message}`);
      return;
    } finally {
      clearTimeout(timer);
      waiting.delete(clientMessageId);
    }
  }
}

/** Every pair sends for warm-up + duration; only the window after the warm-up is counted. */
export async function runLoad(pairs: readonly Pair[], options: LoadOptions): Promise<LoadResult> {
  const start = performance.now();
  const clock: Clock = { measureFrom: start + options.warmupMs, end: start + options.warmupMs + options.durationMs };
  const result: LoadResult = {
    messages: 0,
    seconds: options.durationMs / 1000,
    delivery: [],
    ack: [],
    visitorToAgent: 0,
    agentToVisitor: 0,
    errors: [],
  };
  // Each mark fires on time, or when the load ends if it was due by then (never early).
  const marks = [
    { at: clock.measureFrom, run: options.onWindowStart },
    { at: clock.end, run: options.onWindowEnd },
  ].map((mark) => {
    let done = false;
    const fire = () => {
      if (done) return;
      done = true;
      mark.run?.();
    };
    return { at: mark.at, fire, timer: setTimeout(fire, mark.at - start) };
  });
  try {
    await Promise.all(pairs.map((pair, index) => drive(pair, index, clock, options, result)));
  } finally {
    for (const mark of marks) {
      clearTimeout(mark.timer);
      if (performance.now() >= mark.at) mark.fire();
    }
  }
  return result;
}
