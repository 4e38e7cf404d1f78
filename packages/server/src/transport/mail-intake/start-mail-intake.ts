import type { Logger } from 'pino';
import type { MailIntakeConfig } from '../../config.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { startSmtpIntake } from './smtp-intake.ts';
import { startImapIntake } from './imap-intake.ts';

/** Starts whichever email intakes are configured (ADR 17); `close` stops them. */
export async function startMailIntake(
  ctx: ServiceContext,
  intake: MailIntakeConfig | null,
  logger: Logger,
): Promise<{ close: () => Promise<void> }> {
  if (!intake) return { close: async () => {} };
  const smtp = intake.smtp ? await startSmtpIntake(ctx, intake, intake.smtp, logger) : null;
  const imap = intake.imap ? startImapIntake(ctx, intake, intake.imap, logger) : null;
  return {
    close: async () => {
      await Promise.all([smtp?.close(), imap?.close()]);
    },
  };
}

/** The domain of Ward's own Message-IDs: the intake's, else the From address's, else the public host. */
export function messageIdDomain(intake: MailIntakeConfig | null, mailFrom: string, publicUrl: string): string {
  const fromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1];
  return intake?.addresses[0]?.split('@')[1] ?? fromDomain ?? new URL(publicUrl).hostname;
}
