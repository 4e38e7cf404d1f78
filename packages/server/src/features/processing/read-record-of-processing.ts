import { londonToday, type RecordOfProcessing } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { listDisclosureRecipients } from '../cases/disclosures.repository.ts';
import { buildRecordOfProcessing, type ProcessingFacts } from './record-of-processing.rules.ts';

/**
 * The record of processing (ADR 30) from the live configuration and the disclosure log. It holds
 * no personal data (recipients are organisations), so reading it is not audited.
 */
export async function readRecordOfProcessing(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  options: { mfaRequired: ProcessingFacts['mfaRequired']; now?: Date },
): Promise<RecordOfProcessing> {
  const recipients = await listDisclosureRecipients(ctx.db, ctx.organisation.id);
  return buildRecordOfProcessing({
    controller: ctx.organisation.name,
    settings: ctx.organisation.settings,
    disclosureRecipients: recipients,
    mfaRequired: options.mfaRequired,
    today: londonToday(options.now ?? new Date()),
  });
}
