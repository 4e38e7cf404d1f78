import { readFile } from 'node:fs/promises';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Logger } from 'pino';
import type { MailIntakeConfig } from '../../config.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { AppError } from '../../shared/app-error.ts';
import { addressList, listed, sameSecret } from '../../shared/address-list.ts';
import { receiveEmail } from '../../features/emails/receive-email.ts';

type SmtpSettings = NonNullable<MailIntakeConfig['smtp']>;

/** An SMTP reply with its code: 5xx refuses for good, 4xx asks the relay to try again later. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The SMTP listener the council's mail relay forwards residents' emails to (ADR 17). It accepts
 * mail only for the intake addresses, only from allowed relays (when listed) and signed-in ones
 * (when a user is configured), and only up to the size limit. A message is acknowledged (250)
 * only after it is committed, so a failure makes the relay retry rather than lose it.
 */
export async function startSmtpIntake(
  ctx: ServiceContext,
  intake: MailIntakeConfig,
  smtp: SmtpSettings,
  logger: Logger,
): Promise<{ port: number; close: () => Promise<void> }> {
  const relays = addressList(smtp.allowedIps);
  const tls = smtp.tls ? { key: await readFile(smtp.tls.keyFile), cert: await readFile(smtp.tls.certFile) } : null;
  const options: SMTPServerOptions = {
    banner: 'Ward email intake',
    logger: false,
    size: intake.maxMessageBytes,
    maxClients: 50,
    closeTimeout: 2000,
    authOptional: smtp.auth === null,
    // Without TLS configured the relay signs in over plain text: keep it on a private network.
    allowInsecureAuth: tls === null,
    disabledCommands: [...(tls ? [] : ['STARTTLS']), ...(smtp.auth ? [] : ['AUTH'])],
    ...(tls ?? {}),
    onConnect(session, callback) {
      // `listed` reads an IPv4-mapped IPv6 address as the IPv4 one.
      const allowed = !relays || listed(relays, session.remoteAddress);
      callback(allowed ? undefined : smtpError(554, 'This server accepts email only from the council mail relay'));
    },
    onAuth(auth, _session, callback) {
      const ok =
        smtp.auth !== null &&
        sameSecret(auth.username ?? '', smtp.auth.user) &&
        sameSecret(auth.password ?? '', smtp.auth.password);
      callback(ok ? null : smtpError(535, 'Authentication failed'), ok ? { user: auth.username } : undefined);
    },
    onRcptTo(address, _session, callback) {
      const accepted = intake.addresses.includes(address.address.trim().toLowerCase());
      callback(accepted ? undefined : smtpError(550, 'No such mailbox here'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= intake.maxMessageBytes) chunks.push(chunk); // past the limit: drained, not kept
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > intake.maxMessageBytes) {
          callback(smtpError(552, 'The message is larger than this server accepts'));
          return;
        }
        const rcptTo = session.envelope.rcptTo.map((r) => r.address);
        receiveEmail(
          ctx,
          Buffer.concat(chunks),
          { addresses: intake.addresses, maxAttachmentBytes: intake.maxAttachmentBytes },
          { rcptTo },
        ).then(
          () => callback(null),
          (error: unknown) => {
            if (error instanceof AppError && error.code === 'bad_request') {
              callback(smtpError(550, error.message));
              return;
            }
            logger.error({ err: error }, 'email intake failed; the relay will retry');
            callback(smtpError(451, 'The message could not be stored; try again later'));
          },
        );
      });
    },
  };
  const server = new SMTPServer(options);
  server.on('error', (error) => logger.error({ err: error }, 'email intake connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(smtp.port, smtp.host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : smtp.port;
  logger.info({ host: smtp.host, port }, 'Email intake (SMTP) listening');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
