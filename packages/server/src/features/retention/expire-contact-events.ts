import { countContactEventsBefore, deleteContactEventsBefore } from '../contact-events/contact-events.repository.ts';
import { inBatches, type ChannelOutcome, type ChannelStep } from './retention-batches.ts';
import { expiredBefore, ruleFor } from './retention.rules.ts';

/**
 * The reports' contact events (ADR 36), category `contact-events`: they carry no resident's
 * details, but staff ids, so they go when the period (25 months by default: a year compared with
 * the one before) has passed after they happened. Not audited (no personal data of a resident);
 * counted in the destruction log. Holds do not apply: nothing in them could be evidence. Who held
 * each chat when (`chat_holds`, ADR 48), derived from them, follows by trigger.
 */
export async function expireContactEvents(step: ChannelStep): Promise<ChannelOutcome> {
  const cutoff = expiredBefore(step.now, step.settings['contact-events']);
  const outcome: ChannelOutcome = {
    category: 'contact-events',
    rule: ruleFor('contact-events', step.settings),
    unit: 'events',
    count: 0,
    oldestExpiry: null,
  };
  if (step.dryRun) return { ...outcome, count: await countContactEventsBefore(step.db, step.organisationId, cutoff) };
  const batchSize = step.batchSize * 50; // narrow rows of numbers: many per short transaction
  const { events } = await inBatches({ ...step, batchSize }, { events: 0 }, async (tx) => {
    const taken = await deleteContactEventsBefore(tx, step.organisationId, cutoff, batchSize);
    return { taken, counts: { events: taken } };
  });
  return { ...outcome, count: events };
}
