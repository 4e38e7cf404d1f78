import type { ServiceContext } from '../../shared/service-context.ts';
import { sealPlaintextAutomaticInformation } from './conversations.repository.ts';

/**
 * Seals, at start, the browser and operating system that versions before migration 0021 stored in
 * plain text (ADR 29), in batches of their own transactions so a large table never holds one long
 * lock. Safe to run on several nodes at once (locked rows are skipped). Returns how many chats it sealed.
 */
export async function sealAutomaticInformation(ctx: ServiceContext, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await ctx.db
      .transaction()
      .execute((tx) => sealPlaintextAutomaticInformation(tx, ctx.keyring, batchSize));
    total += sealed;
    if (sealed < batchSize) return total;
  }
}
