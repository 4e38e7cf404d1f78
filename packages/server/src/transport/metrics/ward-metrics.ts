import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { PgBoss } from 'pg-boss';
import type { Server } from 'socket.io';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServiceContext } from '../../shared/service-context.ts';
import { liveConversationCounts } from '../../features/conversations/read-conversations.ts';

/**
 * What an IT team watches Ward by, in the Prometheus format (prom-client): HTTP and realtime
 * traffic and latency, chats waiting and active, messages, job queues and the database pool.
 * Labels are route patterns, namespaces and statuses only: never an address or anything a
 * resident typed. One registry per app (no global state), read at each scrape.
 */
export function createWardMetrics(parts: { http: FastifyInstance; ctx: ServiceContext; pool: pg.Pool; boss: PgBoss }) {
  const registry = new Registry();
  registry.setDefaultLabels({ organisation: parts.ctx.organisation.slug });
  collectDefaultMetrics({ register: registry, prefix: 'ward_' });

  const requests = new Histogram({
    name: 'ward_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  parts.http.addHook('onResponse', async (request, reply) => {
    // Unknown paths share one label, so a scan of random addresses cannot grow the metrics.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  new Gauge({
    name: 'ward_conversations',
    help: 'Chats waiting for an adviser and chats being handled now (the whole deployment)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const { waiting, active } = await liveConversationCounts(parts.ctx);
      this.set({ status: 'waiting' }, waiting);
      this.set({ status: 'active' }, active);
    },
  });
  const messages = new Counter({
    name: 'ward_messages_total',
    help: 'Chat messages committed by this node, by sender',
    labelNames: ['sender'] as const,
    registers: [registry],
  });
  parts.ctx.events.subscribe('message.appended', ({ message, repeated }) => {
    if (!repeated) messages.inc({ sender: message.sender });
  });
  new Gauge({
    name: 'ward_message_sends_waiting',
    help: 'Chat messages received by this node and waiting to be written',
    registers: [registry],
    collect() {
      this.set(parts.ctx.messageAppender.stats().waiting);
    },
  });
  new Gauge({
    name: 'ward_message_sends_joined_total',
    help: 'Messages sent again while their first send was still being written, answered by that write',
    registers: [registry],
    collect() {
      this.set(parts.ctx.messageAppender.stats().joined);
    },
  });

  new Gauge({
    name: 'ward_jobs',
    help: 'Background jobs (transcripts, emails, retention) by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      for (const queue of await parts.boss.getQueues()) {
        this.set({ queue: queue.name, state: 'queued' }, queue.queuedCount);
        this.set({ queue: queue.name, state: 'active' }, queue.activeCount);
        this.set({ queue: queue.name, state: 'failed' }, queue.failedCount);
      }
    },
  });
  new Gauge({
    name: 'ward_database_pool_connections',
    help: 'Connections of this node’s database pool, by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, parts.pool.totalCount);
      this.set({ state: 'idle' }, parts.pool.idleCount);
      this.set({ state: 'waiting' }, parts.pool.waitingCount);
    },
  });
  /** Realtime starts after the HTTP routes (it needs the server): its metrics join then. */
  const observeRealtime = (io: Server) => {
    new Gauge({
      name: 'ward_realtime_connections',
      help: 'Socket.IO connections to this node, by namespace',
      labelNames: ['namespace'] as const,
      registers: [registry],
      collect() {
        for (const namespace of ['/visitor', '/agent']) this.set({ namespace }, io.of(namespace).sockets.size);
      },
    });
    const events = new Counter({
      name: 'ward_realtime_events_total',
      help: 'Realtime events received by this node, by namespace and event',
      labelNames: ['namespace', 'event'] as const,
      registers: [registry],
    });
    for (const namespace of ['/visitor', '/agent'] as const) {
      io.of(namespace).on('connection', (socket) =>
        socket.onAny((event: unknown) => {
          // Only events Ward listens to: a client cannot add labels by sending made-up ones.
          if (typeof event === 'string' && socket.listenerCount(event) > 0) events.inc({ namespace, event });
        }),
      );
    }
  };
  return { registry, observeRealtime };
}
