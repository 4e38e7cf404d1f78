import type { Config } from '../config.ts';
import { buildApp, createLogger } from '../app.ts';
import { connectDatabase } from '../db/connect.ts';
import { leaveStopSignalsToWard } from '../db/embedded-postgres.ts';
import { createInvitation } from '../features/staff/invitations.ts';
import { hasAnyStaff } from '../features/staff/staff-directory.ts';
import { invitationUrl } from '../transport/http/staff.routes.ts';
import { startupBanner } from './startup-banner.ts';

export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config);
  leaveStopSignalsToWard();
  const database = await connectDatabase(
    config,
    (line) => logger.debug({ postgres: line.trim() }, 'embedded postgres'),
    {
      // Ward cannot serve without its database: it stops with an error so that its supervisor
      // (systemd, Docker) starts it again, and the next start recovers the database from its log.
      onServerLost: () => {
        logger.fatal('The embedded PostgreSQL stopped unexpectedly; Ward stops so that it can be started again');
        process.exit(70);
      },
    },
  );
  if (database.embedded) logger.info({ dataDir: config.dataDir }, 'Started the embedded PostgreSQL in the data folder');
  const app = await buildApp(config, database.connectionString, logger);
  await app.listen();
  const base = config.publicUrl;
  logger.info(`Demo council page: ${base}/`);
  logger.info(`Staff console:     ${base}/console/`);
  logger.info(`OpenAPI document:  ${base}/api/openapi.json`);
  let adminLink: string | null = null;
  if (!(await hasAnyStaff(app.ctx))) {
    const invitation = await createInvitation(app.ctx, { email: null, role: 'admin', createdBy: null });
    adminLink = invitationUrl(base, invitation.token);
    logger.info(`Create the first administrator (one-time link): ${adminLink}`);
  }
  if (process.stdout.isTTY) {
    const embeddedDataDir = database.embedded ? config.dataDir : null;
    process.stdout.write(startupBanner({ publicUrl: base, adminLink, embeddedDataDir }));
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    await app.close().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
