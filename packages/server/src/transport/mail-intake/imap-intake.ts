import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { MailIntakeConfig } from '../../config.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { AppError } from '../../shared/app-error.ts';
import { receiveEmail } from '../../features/emails/receive-email.ts';

type ImapSettings = NonNullable<MailIntakeConfig['imap']>;

/** Marks a message Ward could never take (too large, no sender) so it is not fetched again. */
const refusedFlag = '$WardRefused';

/**
 * The alternative to the SMTP listener (ADR 17): polls an IMAP mailbox for unseen messages,
 * stores each, and only after that commit marks it seen (or moves it to the processed mailbox).
 * A crash between the two fetches the message again, and the Message-ID makes that harmless.
 * A message that fails for a passing reason stays unseen and is tried at the next poll. One
 * poll at a time; each poll is its own connection, so a dropped connection costs one interval.
 * Tested against a real Dovecot (test/email-imap-intake.test.ts).
 */
export function startImapIntake(
  ctx: ServiceContext,
  intake: MailIntakeConfig,
  imap: ImapSettings,
  logger: Logger,
): { close: () => Promise<void> } {
  const poller = createImapPoller(ctx, intake, imap, logger);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delayMs: number) => {
    if (poller.stopped) return;
    timer = setTimeout(() => {
      running = poller
        .pollOnce()
        .catch((error: unknown) =>
          logger.error(
            { err: error, everySeconds: imap.pollSeconds },
            `${pollFailure(error)}; trying again at the next poll`,
          ),
        )
        .finally(() => schedule(imap.pollSeconds * 1000));
    }, delayMs);
  };
  schedule(0);
  logger.info(
    { host: new URL(imap.url).hostname, mailbox: imap.mailbox, everySeconds: imap.pollSeconds },
    'Email intake (IMAP) polling',
  );
  return {
    close: async () => {
      poller.stop();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** What went wrong with a poll, said so that whoever runs Ward knows what to check (no user, no password). */
function pollFailure(error: unknown): string {
  const e = (error ?? {}) as { authenticationFailed?: boolean; code?: string };
  if (e.authenticationFailed) return 'IMAP sign-in refused: check the user and password in WARD_IMAP_URL';
  if (
    e.code &&
    [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'ECONNRESET',
      'ETIMEDOUT',
      'CONNECT_TIMEOUT',
      'GREETING_TIMEOUT',
      'NoConnection',
    ].includes(e.code)
  ) {
    return 'IMAP server not reachable: check the host and port in WARD_IMAP_URL';
  }
  return 'IMAP poll failed';
}

/** A client for the mailbox of WARD_IMAP_URL (`imap://` plain or STARTTLS, `imaps://` TLS). */
export function imapClient(imapUrl: string): ImapFlow {
  const url = new URL(imapUrl);
  return new ImapFlow({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'imaps:' ? 993 : 143,
    secure: url.protocol === 'imaps:',
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
  });
}

/** One poll: every unseen message of the mailbox, in order. Separate from the timer so a test can run one. */
export function createImapPoller(
  ctx: ServiceContext,
  intake: MailIntakeConfig,
  imap: ImapSettings,
  logger: Logger,
  newClient: () => ImapFlow = () => imapClient(imap.url),
) {
  let stopped = false;
  let processedMailboxReady = false;

  const pollOnce = async () => {
    const client = newClient();
    // A connection that breaks mid-poll also rejects the command in flight, which is logged there.
    client.on('error', (error: Error) => logger.warn({ err: error }, 'IMAP connection error'));
    await client.connect();
    try {
      await ensureProcessedMailbox(client);
      const lock = await client.getMailboxLock(imap.mailbox);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          if (stopped) break;
          // One message failing (it stays unseen, for the next poll) must not hold up the others.
          await processMessage(client, uid).catch((error: unknown) =>
            logger.error({ err: error, uid }, 'IMAP message not stored; it stays unseen for the next poll'),
          );
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => {});
    }
  };

  /** A MOVE into a mailbox that does not exist fails (TRYCREATE): the processed mailbox is made once. */
  const ensureProcessedMailbox = async (client: ImapFlow) => {
    if (!imap.processedMailbox || processedMailboxReady) return;
    try {
      const result = await client.mailboxCreate(imap.processedMailbox); // an existing one answers `created: false`
      if (result?.created) logger.info({ mailbox: imap.processedMailbox }, 'IMAP processed mailbox created');
      processedMailboxReady = true;
    } catch (error) {
      // Perhaps not allowed to create it but it exists: the move says whether it does.
      logger.warn({ err: error, mailbox: imap.processedMailbox }, 'IMAP processed mailbox could not be created');
    }
  };

  /** imapflow answers a refused STORE or MOVE with `false`, not an error: made one here. */
  const mark = async (client: ImapFlow, uid: number, flags: string[]) => {
    if (!(await client.messageFlagsAdd(String(uid), flags, { uid: true })))
      throw new Error(`the IMAP server did not set ${flags.join(' ')}`);
  };

  const processMessage = async (client: ImapFlow, uid: number) => {
    const head = await client.fetchOne(String(uid), { size: true, flags: true }, { uid: true });
    if (!head || head.flags?.has(refusedFlag)) return;
    if ((head.size ?? 0) > intake.maxMessageBytes) {
      logger.warn({ uid }, 'IMAP message larger than the limit: marked and left in the mailbox');
      await mark(client, uid, ['\\Seen', refusedFlag]);
      return;
    }
    const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
    if (!message || !message.source) return;
    try {
      await receiveEmail(ctx, message.source, {
        addresses: intake.addresses,
        maxAttachmentBytes: intake.maxAttachmentBytes,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'bad_request') {
        logger.warn({ uid, reason: error.message }, 'IMAP message refused: marked and left in the mailbox');
        await mark(client, uid, ['\\Seen', refusedFlag]);
        return;
      }
      throw error;
    }
    // Committed: now it may leave the unseen set. If that fails it is fetched again and recognised.
    try {
      if (imap.processedMailbox) {
        if (!(await client.messageMove(String(uid), imap.processedMailbox, { uid: true })))
          throw new Error('the IMAP server did not move the message');
      } else {
        await mark(client, uid, ['\\Seen']);
      }
    } catch (error) {
      logger.error(
        { err: error, uid, mailbox: imap.processedMailbox },
        'IMAP message stored but not marked; the next poll fetches it again and stores nothing new',
      );
    }
  };

  return {
    pollOnce,
    stop: () => {
      stopped = true;
    },
    get stopped() {
      return stopped;
    },
  };
}
