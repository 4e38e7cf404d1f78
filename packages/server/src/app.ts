import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { PgBoss } from 'pg-boss';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { limits } from '@ward/protocol';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { openServingDatabase } from './db/serving-role.ts';
import { DomainEventBus } from './shared/domain-events.ts';
import type { ServiceContext } from './shared/service-context.ts';
import { ensureOrganisation } from './features/organisations/ensure-organisation.ts';
import { MessageAppender } from './features/conversations/message-appender.ts';
import { loadKeyring } from './features/crypto/load-keyring.ts';
import { loadIndexKey } from './features/crypto/load-index-key.ts';
import { auditKeysFrom, loadAuditKey, withAuditKeys } from './features/audit/audit-key.ts';
import { registerAuditCheckpointJobs } from './features/audit/audit-checkpoint-job.ts';
import { createMailer } from './features/mail/mailer.ts';
import { newPrivacyChoicesLink, privacyChoicesFooter } from './features/consents/consent-links.ts';
import { registerTranscriptJobs } from './features/transcripts/send-transcript.ts';
import { registerFormConfirmationJobs } from './features/forms/form-confirmation-job.ts';
import { registerRetentionJobs } from './features/retention/retention-job.ts';
import { registerAbandonedChatJobs } from './features/conversations/end-abandoned-chats.ts';
import { registerExportPackExpiryJob } from './features/rights/expire-export-packs.ts';
import { registerRightsRetentionJob } from './features/rights/purge-rights-requests.ts';
import { sealAutomaticInformation } from './features/conversations/seal-automatic-information.ts';
import { ApiRouter } from './transport/http/api-router.ts';
import { enabledRedactions } from './features/redaction/redaction.rules.ts';
import { createAuthoriser } from './transport/http/authorise.ts';
import { installErrorHandling, installInputShield, installSecurityHeaders } from './transport/http/http-hardening.ts';
import { registerHealthRoutes } from './transport/http/health.routes.ts';
import { registerWidgetRoutes } from './transport/http/widget.routes.ts';
import { registerStaffRoutes } from './transport/http/staff.routes.ts';
import { registerSsoRoutes } from './transport/http/sso.routes.ts';
import { createOidcClient } from './features/staff/oidc-client.ts';
import { registerMfaRoutes } from './transport/http/mfa.routes.ts';
import { registerConversationRoutes } from './transport/http/conversations.routes.ts';
import { registerRetentionRoutes } from './transport/http/retention.routes.ts';
import { registerRightsExportRoutes } from './transport/http/rights-export.routes.ts';
import { registerRightsRoutes } from './transport/http/rights.routes.ts';
import { registerAuditRoutes } from './transport/http/audit.routes.ts';
import { registerCaseRoutes } from './transport/http/cases.routes.ts';
import { registerDisclosureRoutes } from './transport/http/disclosures.routes.ts';
import { registerCannedReplyRoutes } from './transport/http/canned-replies.routes.ts';
import { registerConsentRoutes } from './transport/http/consents.routes.ts';
import { registerPrivacyChoicePages } from './transport/http/privacy-choices.routes.ts';
import { registerIntakeRoutes } from './transport/http/intake.routes.ts';
import { registerReportRoutes } from './transport/http/reports.routes.ts';
import { registerSupervisionRoutes } from './transport/http/supervision.routes.ts';
import { registerApiKeyRoutes } from './transport/http/api-keys.routes.ts';
import { registerRecordRoutes } from './transport/http/records.routes.ts';
import { registerStaticRoutes } from './transport/http/static.routes.ts';
import { registerFormRoutes } from './transport/http/forms.routes.ts';
import { registerAccessibilityStatement } from './transport/http/accessibility-statement.ts';
import { startRealtime } from './transport/realtime/realtime-server.ts';
import { connectedStaffOf } from './transport/realtime/connected-staff.ts';
import type { ConnectedStaff } from './features/reports/read-wallboard.ts';
import { createWardMetrics } from './transport/metrics/ward-metrics.ts';
import { registerMetricsRoute } from './transport/http/metrics.routes.ts';
import type { Server } from 'socket.io';
import { registerEmailReplyJobs } from './features/emails/send-email-reply.ts';
import { registerEmailRoutes } from './transport/http/emails.routes.ts';
import { registerWebhookJobs } from './features/webhooks/webhook-jobs.ts';
import { registerWebhookRoutes } from './transport/http/webhooks.routes.ts';
import { registerRoutingRoutes } from './transport/http/routing.routes.ts';
import { registerOpeningHoursRoutes } from './transport/http/opening-hours.routes.ts';
import { registerRoutingJobs, startRouting } from './features/routing/start-routing.ts';
import type { RoutingScheduler } from './features/routing/routing-scheduler.ts';
import { messageIdDomain, startMailIntake } from './transport/mail-intake/start-mail-intake.ts';
import { createRateLimiter, type LimitStore } from './features/limits/rate-limiter.ts';
import { createSignInThrottle } from './features/staff/sign-in-throttle.ts';
import { createClient } from 'redis';
import { closeRedisClient } from './shared/close-redis-client.ts';
import { ReadAuditBatcher } from './features/audit/read-audit-batcher.ts';

const packagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const version = '0.1.0';

export type WardApp = {
  http: FastifyInstance;
  /** Socket.IO (the `/visitor` and `/agent` namespaces). */
  io: Server;
  ctx: ServiceContext;
  /** This node's contact-centre routing (ADR 39); tests wait on `settled()`. */
  routing: RoutingScheduler;
  db: Db;
  logger: Logger;
  /** Listens on the configured host/port (0 picks a free one) and returns the base URL. */
  listen: () => Promise<string>;
  close: () => Promise<void>;
};

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  // Personal data never reaches the logs: request bodies are not logged, and these paths are cut.
  const options: LoggerOptions = {
    level: config.logLevel,
    // Database errors can carry values in `detail` or `parameters`: only the safe parts are logged.
    serializers: {
      err: (error: { name?: string; message?: string; code?: string; stack?: string }) => ({
        type: error.name,
        message: error.message,
        code: error.code,
        stack: error.stack,
      }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.email',
        '*.name',
        '*.body',
        '*.visitorToken',
        '*.password',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * What every service needs: the database, the domain event bus, the organisation, the keys. The
 * context's database carries the audit key (ADR 26): use `ctx.db`, not the handle passed in.
 */
export async function createServiceContext(servingDb: Db, config: Config, logger: Logger): Promise<ServiceContext> {
  const organisation = await ensureOrganisation(servingDb, config.organisation);
  const { keyring, generatedFile } = await loadKeyring({
    kek: config.kek,
    kekFile: config.kekFile,
    dataDir: config.dataDir,
    mustBeConfigured: config.databaseUrl !== null,
  });
  if (generatedFile) {
    logger.warn(
      { file: generatedFile },
      'Personal data is encrypted with the key-encryption key in the data folder. In production keep it elsewhere (WARD_KEK_FILE or WARD_KEK) and back it up apart from the database.',
    );
  }
  const index = await loadIndexKey({
    indexKey: config.indexKey,
    indexKeyFile: config.indexKeyFile,
    dataDir: config.dataDir,
    mustBeConfigured: config.databaseUrl !== null,
  });
  if (index.generatedFile) {
    logger.warn(
      { file: index.generatedFile },
      'Search indexes use the blind-index key in the data folder. In production keep it elsewhere (WARD_INDEX_KEY_FILE or WARD_INDEX_KEY), apart from the database and its backups.',
    );
  }
  const audit = await loadAuditKey({
    auditKey: config.auditKey,
    auditKeyFile: config.auditKeyFile,
    dataDir: config.dataDir,
    generate: true,
    externalDatabase: config.databaseUrl !== null,
  });
  if (audit.generatedFile) {
    logger.warn(
      { file: audit.generatedFile },
      'The audit trail is keyed with the audit key in the data folder. In production keep it elsewhere (WARD_AUDIT_KEY_FILE or WARD_AUDIT_KEY), apart from the database and its backups; every node needs the same key.',
    );
  }
  const db = withAuditKeys(servingDb, auditKeysFrom(audit.key));
  return {
    db,
    events: new DomainEventBus(),
    organisation,
    keyring,
    indexKey: index.key,
    messageAppender: new MessageAppender(db, keyring),
    readAudit: new ReadAuditBatcher(db),
  };
}

/**
 * Builds Ward against a database that is already running. Used by main.ts and by the tests.
 * `databaseUrl` signs in as the owner of the tables: Ward migrates as it, then serves through
 * its own role (ADR 12, `db/serving-role.ts`); pg-boss keeps the owner for its `ward_jobs` schema.
 */
export async function buildApp(
  config: Config,
  databaseUrl: string,
  logger: Logger = createLogger(config),
): Promise<WardApp> {
  const {
    db: servingDb,
    pool,
    serving,
  } = await openServingDatabase(databaseUrl, {
    appDatabaseUrl: config.appDatabaseUrl,
    onWarning: (message) => logger.warn(message),
  });
  if (serving.kind === 'separate')
    logger.info(
      { databaseRole: serving.role },
      'Serving through a database role that may only read and append to the audit trail',
    );
  const ctx = await createServiceContext(servingDb, config, logger);
  const { db, events, organisation } = ctx;
  // What versions before migration 0021 stored in plain text is sealed before Ward serves (ADR 29).
  const sealedChats = await sealAutomaticInformation(ctx);
  if (sealedChats > 0) logger.info({ chats: sealedChats }, 'Sealed the browser and operating system of older chats');
  const report = (error: unknown) => logger.error({ err: error }, 'unexpected error');
  events.onSubscriberError(report);
  const routing = startRouting(ctx, report);

  // Limits and sign-in throttling (ADR 20): counted in Redis with several nodes, else in PostgreSQL.
  let limitStore: LimitStore = { kind: 'postgres', pool };
  let limitRedis: ReturnType<typeof createClient> | null = null;
  if (config.redisUrl && config.rateLimits.enabled) {
    // Without Redis a count fails at once (or after a second, if Redis is frozen) and the limiter on
    // this node takes over, rather than every chat message waiting for Redis to come back.
    limitRedis = createClient({ url: config.redisUrl, disableOfflineQueue: true, commandOptions: { timeout: 1000 } });
    limitRedis.on('error', report);
    await limitRedis.connect();
    limitStore = { kind: 'redis', client: limitRedis };
  }
  if (!config.rateLimits.enabled)
    logger.warn(
      'WARD_RATE_LIMITS=off: no limits on starting chats, messages, transcripts, forms, email replies or sign-in attempts. Use this for load tests only.',
    );
  const limiter = createRateLimiter(config.rateLimits, limitStore, ctx.indexKey);
  if (config.mfaRequired === 'none')
    logger.warn(
      'WARD_MFA_REQUIRED=none: two-step sign-in is optional for everyone, administrators included. Use this for test set-ups only.',
    );

  const publicOrigin = new URL(config.publicUrl).origin;
  const http = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: limits.httpBodyMaxBytes,
    trustProxy: config.trustProxy,
    // Fastify's 10 s default per plugin is too short for a node starting on a busy machine; a start
    // that truly hangs still fails, a minute later.
    pluginTimeout: 60_000,
    // Request lines would log the client's IP address (personal data): they are off.
    logController: new LogController({ disableRequestLogging: true }),
  });
  installSecurityHeaders(http, { hsts: config.publicUrl.startsWith('https:') });
  installErrorHandling(http, logger);
  installInputShield(http);
  await http.register(fastifyCookie);

  const outboxDir = path.join(config.dataDir, 'outbox');
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir,
    footer: async (organisationId, dataSubjectId, language) =>
      privacyChoicesFooter(
        await newPrivacyChoicesLink(ctx.db, config.publicUrl, organisationId, dataSubjectId),
        language,
      ),
  });
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'ward_jobs' });
  boss.on('error', report);
  await boss.start();
  const metrics = createWardMetrics({ http, ctx, pool, boss });
  await registerTranscriptJobs(ctx, boss, mailer);
  await registerFormConfirmationJobs(ctx, boss, mailer);
  await registerRetentionJobs(ctx, boss, { outboxDir });
  await registerAbandonedChatJobs(ctx, boss, config.abandonedChats, config.chatInactivity);
  await registerRoutingJobs(ctx, boss, routing, { awayMinutes: config.agentAwayMinutes });
  await registerRightsRetentionJob(ctx, boss);
  await registerExportPackExpiryJob(ctx, boss);
  await registerEmailReplyJobs(ctx, boss, mailer, { replyTo: config.mailIntake?.addresses[0] ?? null });
  if (config.auditCheckpointSchedule)
    await registerAuditCheckpointJobs(db, boss, {
      dir: config.auditCheckpointDir,
      cron: config.auditCheckpointSchedule,
    });
  const webhookQueue = await registerWebhookJobs(ctx, boss, { allowedNetworks: config.webhookAllowedNetworks });

  const sessionIdleMs = config.sessionIdleMinutes * 60 * 1000;
  const signInThrottle = createSignInThrottle(limiter);
  const api = new ApiRouter(
    http,
    createAuthoriser(ctx, publicOrigin, {
      visitorTokenGraceSeconds: config.visitorTokenGraceSeconds,
      sessionIdleMs,
      limiter,
      mfaPolicy: config.mfaRequired,
    }),
    () => enabledRedactions(ctx.organisation.settings.redaction),
  );
  registerHealthRoutes(http, db);
  registerWidgetRoutes(api, ctx, { transcriptsEnabled: true, limiter, publicUrl: config.publicUrl });
  registerStaffRoutes(api, ctx, {
    publicUrl: config.publicUrl,
    outboxDir,
    signInThrottle,
    passwordSignIn: config.passwordSignIn,
    mfaPolicy: config.mfaRequired,
  });
  registerSsoRoutes(api, ctx, {
    publicUrl: config.publicUrl,
    passwordSignIn: config.passwordSignIn,
    singleSignOn: config.singleSignOn,
    client: config.singleSignOn ? createOidcClient(config.singleSignOn) : null,
    signInThrottle,
  });
  registerMfaRoutes(api, ctx, { publicUrl: config.publicUrl, signInThrottle, mfaPolicy: config.mfaRequired });
  registerConversationRoutes(api, ctx);
  registerRetentionRoutes(api, ctx);
  registerRightsRoutes(api, ctx, { outboxDir, ledgerDir: config.erasureLedgerDir });
  registerRightsExportRoutes(api, ctx, {
    linkDays: config.exportLinks.days,
    linkDownloads: config.exportLinks.downloads,
    publicUrl: config.publicUrl,
    mailer,
  });
  registerAuditRoutes(api, ctx);
  registerRecordRoutes(api, ctx);
  registerCaseRoutes(api, ctx);
  registerCannedReplyRoutes(api, ctx);
  registerDisclosureRoutes(api, ctx, { mfaRequired: config.mfaRequired });
  registerConsentRoutes(api, ctx);
  registerIntakeRoutes(api, ctx);
  registerRoutingRoutes(api, ctx);
  registerOpeningHoursRoutes(api, ctx);
  // Realtime starts after the routes: until then nobody is connected.
  let connectedStaff: ConnectedStaff = async () => [];
  registerReportRoutes(api, ctx, { connectedStaff: (...args) => connectedStaff(...args) });
  registerSupervisionRoutes(api, ctx, { connectedStaff: (...args) => connectedStaff(...args) });
  registerApiKeyRoutes(api, ctx);
  registerWebhookRoutes(api, ctx, { allowedNetworks: config.webhookAllowedNetworks, queue: webhookQueue });
  registerEmailRoutes(api, ctx, {
    from: config.mailFrom,
    messageIdDomain: messageIdDomain(config.mailIntake, config.mailFrom, config.publicUrl),
    limiter,
  });
  await registerFormRoutes(http, api, ctx, { secureCookies: config.publicUrl.startsWith('https:'), limiter });
  registerAccessibilityStatement(http, ctx);
  await registerPrivacyChoicePages(http, ctx);
  http.get('/api/openapi.json', async () => api.openApiDocument(version));
  await registerStaticRoutes(http, {
    widgetDist: path.join(packagesDir, 'widget', 'dist'),
    consoleDist: path.join(packagesDir, 'console', 'dist'),
    publicUrl: config.publicUrl,
    organisation: {
      slug: organisation.slug,
      name: organisation.name,
      allowedOrigins: organisation.settings.allowedOrigins,
    },
    demoPage: config.demoPage,
  });

  const realtime = await startRealtime(
    http.server,
    ctx,
    {
      allowedOrigins: [publicOrigin, ...organisation.settings.allowedOrigins.map((o) => new URL(o).origin)],
      redisUrl: config.redisUrl,
      trustProxy: config.trustProxy,
      sessionIdleMs,
      mfaPolicy: config.mfaRequired,
      limiter,
      visitorTokenGraceSeconds: config.visitorTokenGraceSeconds,
      staffOrigin: publicOrigin,
      admission: { waitingForDatabase: () => pool.waitingCount, queueLimit: config.connectionQueueLimit },
    },
    report,
  );
  connectedStaff = connectedStaffOf(realtime.io, () => ctx.organisation.settings.departments.map((d) => d.id));
  http.addHook('preClose', async () => realtime.close());
  metrics.observeRealtime(realtime.io);
  registerMetricsRoute(http, metrics.registry, config.metrics);
  let mailIntake: { close: () => Promise<void> } | null = null;

  return {
    http,
    io: realtime.io,
    ctx,
    routing,
    db,
    logger,
    listen: async () => {
      await http.listen({ host: config.host, port: config.port });
      mailIntake = await startMailIntake(ctx, config.mailIntake, logger);
      const address = http.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://${config.host}:${port}`;
    },
    close: async () => {
      await mailIntake?.close();
      await http.close();
      await boss.stop({ graceful: false }).catch(report);
      routing.stop();
      await routing.settled();
      if (limitRedis) await closeRedisClient(limitRedis);
      await db.destroy();
    },
  };
}
