import type { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Reporter } from './handle-event.ts';
import type { closeRedisClient } from '../../shared/close-redis-client.ts';

type ReadyEvents = { on: (event: 'ready', listener: () => void) => unknown };

/**
 * Shares fan-out between nodes through Redis. Redis may go away at any moment; nothing here
 * may then fail a promise that nobody awaits (Node stops on that), and each outage is reported once.
 * Returns the two clients, for closing.
 */
export async function useRedisFanOut(
  io: Server,
  redisUrl: string,
  report: Reporter,
  closing: () => boolean,
): Promise<Array<Parameters<typeof closeRedisClient>[0]>> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  pub.on('error', report);
  sub.on('error', report);
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(
    createAdapter(
      publishingWithoutThrowing(pub, oncePerOutage(pub, report, closing)),
      subscribingUntilDone(sub, oncePerOutage(sub, report, closing)),
    ),
  );
  // What other nodes published while Redis was away never reached this node's clients, and
  // Redis keeps nothing for them: once the subscription is back, each client asks for what it
  // missed (from its highest sequence number, as after any reconnection).
  let lostSubscription = false;
  sub.on('end', () => (lostSubscription = true));
  sub.on('reconnecting', () => (lostSubscription = true));
  sub.on('ready', () => {
    if (!lostSubscription) return;
    lostSubscription = false;
    io.of('/visitor').local.emit('resync', {});
    io.of('/agent').local.emit('resync', {});
  });
  return [pub, sub];
}

/** One report per outage, not one per message that could not be shared with the other nodes. */
function oncePerOutage(client: ReadyEvents, report: Reporter, closing: () => boolean) {
  let failed = false;
  client.on('ready', () => (failed = false));
  return (error: unknown) => {
    if (!failed && !closing()) report(error);
    failed = true;
  };
}

/**
 * The adapter publishes without waiting for the answer; while Redis is down or frozen those
 * promises fail. A fan-out that could not be published is reported; the clients catch up through
 * `resync` when Redis is back.
 */
function publishingWithoutThrowing<C extends object>(client: C, failed: (error: unknown) => void): C {
  return wrapping(client, new Set(['publish']), (call) => {
    void settled(call, failed);
  });
}

const subscribing = new Set(['subscribe', 'pSubscribe', 'sSubscribe']);
const unsubscribing = new Set(['unsubscribe', 'pUnsubscribe', 'sUnsubscribe']);

/**
 * The adapter subscribes as each namespace is made and never looks at the answer. A subscription
 * that Redis going away cut short failed unhandled, and node-redis forgets it rather than renewing
 * it on reconnection: this node would never hear the other nodes again. It is made again when the
 * client is next ready (unless the client was closed meanwhile).
 */
export function subscribingUntilDone<
  C extends { isOpen: boolean; once: (event: 'ready', listener: () => void) => unknown },
>(client: C, failed: (error: unknown) => void): C {
  return wrapping(client, new Set([...subscribing, ...unsubscribing]), (call, method) => {
    const attempt = async () => {
      if ((await settled(call, failed)) === 'failed' && subscribing.has(method) && client.isOpen)
        client.once('ready', attempt);
    };
    void attempt();
  });
}

/** The client with `methods` replaced by `run`, which is given a way to call the original. */
function wrapping<C extends object>(
  client: C,
  methods: Set<string>,
  run: (call: () => unknown, method: string) => void,
): C {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || !methods.has(property)) return value.bind(target);
      return (...args: unknown[]) => run(() => value.apply(target, args), property);
    },
  });
}

/** Calls and waits, reporting a failure, whether it throws at once (a closed client) or later. */
async function settled(call: () => unknown, failed: (error: unknown) => void): Promise<'done' | 'failed'> {
  try {
    await call();
    return 'done';
  } catch (error) {
    failed(error);
    return 'failed';
  }
}
