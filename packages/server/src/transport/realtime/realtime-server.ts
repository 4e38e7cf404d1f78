import type { MfaPolicy } from '../../features/staff/mfa.rules.ts';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { limits } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { setUpVisitorNamespace } from './visitor-namespace.ts';
import { setUpAgentNamespace } from './agent-namespace.ts';
import { subscribeRealtimeFanOut } from './fan-out.ts';
import { subscribeQueueNotices } from './queue-notices.ts';
import type { Reporter } from './handle-event.ts';
import { closeRedisClient } from '../../shared/close-redis-client.ts';
import { connectionAdmission } from './connection-admission.ts';
import { useRedisFanOut } from './redis-fan-out-adapter.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';

export type RealtimeOptions = {
  allowedOrigins: string[];
  redisUrl: string | null;
  /** WARD_TRUST_PROXY: agents' audit entries then name the forwarded address, as HTTP's do. */
  trustProxy?: boolean;
  /** WARD_SESSION_IDLE_MINUTES, in milliseconds. */
  sessionIdleMs: number;
  /** WARD_MFA_REQUIRED: a session that must still set up two-step sign-in has no socket (ADR 22). */
  mfaPolicy: MfaPolicy;
  /** Limits on residents' messages (ADR 20). */
  limiter: RateLimiter;
  /** Ward's own origin: the only one staff sockets are accepted from (the console). */
  staffOrigin: string;
  /** A resident's token stops opening their chat this long after it ended. */
  visitorTokenGraceSeconds: number;
  /** Residents' connections come back later while the database queue is past the limit (ADR 52). */
  admission: { waitingForDatabase: () => number; queueLimit: number };
};

/**
 * Socket.IO with the visitor and agent namespaces. Browsers always send Origin on WebSocket
 * upgrades and cross-site requests, so a request carrying a foreign Origin is refused.
 */
export async function startRealtime(
  httpServer: HttpServer,
  ctx: ServiceContext,
  options: RealtimeOptions,
  report: Reporter,
) {
  const allowed = new Set(options.allowedOrigins);
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: limits.realtimeFrameMaxBytes,
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || allowed.has(origin));
    },
  });
  let closing = false;
  const redisClients = options.redisUrl ? await useRedisFanOut(io, options.redisUrl, report, () => closing) : [];
  const queueNotices = subscribeQueueNotices(io, ctx, report);
  // First of the visitor middlewares: a refused connection costs the node no database read.
  io.of('/visitor').use(connectionAdmission(options.admission.waitingForDatabase, options.admission.queueLimit));
  setUpVisitorNamespace(io.of('/visitor'), ctx, report, {
    limiter: options.limiter,
    visitorTokenGraceSeconds: options.visitorTokenGraceSeconds,
    positionOnConnect: queueNotices.positionOnConnect,
    closing: () => closing,
  });
  setUpAgentNamespace(io.of('/agent'), ctx, report, {
    closing: () => closing,
    trustProxy: options.trustProxy ?? false,
    sessionIdleMs: options.sessionIdleMs,
    mfaPolicy: options.mfaPolicy,
  });
  // After the session check (a stranger is told to sign in): a signed-in socket must come from the
  // console. The handshake is the first request of the connection, which for long-polling is a
  // same-origin GET: browsers send no Origin there, but always `Sec-Fetch-Site: same-origin`.
  // Anything else (no Origin and no such proof, or a foreign one) is refused.
  io.of('/agent').use((socket, next) => {
    const { origin, 'sec-fetch-site': site } = socket.handshake.headers;
    const fromConsole = origin === undefined ? site === 'same-origin' : origin === options.staffOrigin;
    next(fromConsole ? undefined : new Error('Staff connections must come from the Ward console'));
  });
  const fanOut = subscribeRealtimeFanOut(io, ctx);
  return {
    io,
    /** Drops every socket; the HTTP server itself is closed by Fastify. */
    close: async () => {
      closing = true;
      fanOut.stop();
      queueNotices.stop();
      io.disconnectSockets(true);
      io.engine.close();
      await Promise.all(redisClients.map((client) => closeRedisClient(client)));
    },
  };
}
