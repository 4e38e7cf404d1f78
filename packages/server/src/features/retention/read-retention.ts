import type { DestructionLogEntry, UpcomingExpiry } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { categoryExpiresAt, enforcedCategories } from './retention.rules.ts';
import { listDestructionLog, listRemaining } from './retention.repository.ts';
import { toDestructionLogEntry } from './retention.presenters.ts';

/**
 * What will expire next, soonest first (overdue items too, until the next run deletes them).
 * Within a category expiry follows the contact's end, so the first `limit` of each category,
 * merged, are the first `limit` overall.
 */
export async function upcomingExpiries(ctx: ServiceContext, limit: number, now = new Date()): Promise<UpcomingExpiry[]> {
  const settings = ctx.organisation.settings.retention;
  const perCategory = await Promise.all(
    enforcedCategories.map(async (category) =>
      (await listRemaining(ctx.db, category, ctx.organisation.id, now, limit)).map((row) => ({
        conversationId: row.id,
        caseReference: row.case_reference,
        category,
        expiresAt: categoryExpiresAt(category, row.contact_at, settings),
        held: row.held,
      })),
    ),
  );
  return perCategory
    .flat()
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.caseReference.localeCompare(b.caseReference))
    .slice(0, limit)
    .map((item) => ({ ...item, expiresAt: item.expiresAt.toISOString() }));
}

export async function destructionLog(ctx: ServiceContext, limit = 500): Promise<DestructionLogEntry[]> {
  return (await listDestructionLog(ctx.db, ctx.organisation.id, limit)).map(toDestructionLogEntry);
}
