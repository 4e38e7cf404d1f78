import type { DestructionLogEntry, RetentionCategory, UpcomingExpiry } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { categoryExpiresAt, enforcedCategories, expiresAt } from './retention.rules.ts';
import { listDestructionLog, listRemaining } from './retention.repository.ts';
import {
  listUpcomingCases,
  listUpcomingEmails,
  listUpcomingRecordGroups,
  listUpcomingSubmissions,
  type UpcomingChannelRow,
} from './channels.repository.ts';
import { formsByCategory } from './expire-form-submissions.ts';
import { toDestructionLogEntry } from './retention.presenters.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';

type Upcoming = Omit<UpcomingExpiry, 'expiresAt'> & { expiresAt: Date };

const fromChannel =
  (item: UpcomingExpiry['item'], category: RetentionCategory, expiry: (contactAt: Date) => Date) =>
  (row: UpcomingChannelRow): Upcoming => ({
    item,
    itemId: row.id,
    conversationId: row.conversation_id,
    caseId: row.case_id,
    recordId: null,
    caseReference: row.case_reference,
    category,
    expiresAt: expiry(row.contact_at),
    held: row.held,
  });

/**
 * What will expire next, soonest first (overdue items too, until the next run deletes them):
 * conversations by category, closed cases, form answers (per category), emails on cases, and
 * customer records without an open case. Within each source expiry follows the contact's end, so
 * the first `limit` of each, merged, are the first `limit` overall.
 */
export async function upcomingExpiries(
  ctx: ServiceContext,
  limit: number,
  now = new Date(),
): Promise<UpcomingExpiry[]> {
  const settings = ctx.organisation.settings.retention;
  const organisationId = ctx.organisation.id;
  const conversations = enforcedCategories.map(async (category) =>
    (await listRemaining(ctx.db, category, organisationId, now, limit)).map((row): Upcoming => ({
      item: 'conversation',
      itemId: row.id,
      conversationId: row.id,
      caseId: null,
      recordId: null,
      caseReference: row.case_reference,
      category,
      expiresAt: categoryExpiresAt(category, row.contact_at, settings),
      held: row.held,
    })),
  );
  const cases = listUpcomingCases(ctx.db, organisationId, now, limit).then((rows) =>
    rows.map(fromChannel('case', 'contact-summaries', (at) => expiresAt(at, settings['contact-summaries']))),
  );
  const submissions = formsByCategory(formsOf(ctx.organisation.settings)).map(async ({ category, selection }) =>
    (await listUpcomingSubmissions(ctx.db, organisationId, selection, now, limit)).map(
      fromChannel('form-submission', category, (at) => expiresAt(at, settings[category])),
    ),
  );
  const emails = listUpcomingEmails(ctx.db, organisationId, now, limit).then((rows) =>
    rows.map(fromChannel('email', 'emails', (at) => expiresAt(at, settings.emails))),
  );
  const records = listUpcomingRecordGroups(ctx.db, organisationId, now, limit).then((rows) =>
    rows.map((row): Upcoming => ({
      item: 'customer-record',
      itemId: row.head,
      conversationId: null,
      caseId: null,
      recordId: row.head,
      caseReference: null,
      category: 'customer-records',
      expiresAt: expiresAt(row.contact_at, settings['customer-records']),
      held: row.held,
    })),
  );
  const all = (await Promise.all([...conversations, cases, ...submissions, emails, records])).flat();
  return all
    .sort(
      (a, b) =>
        a.expiresAt.getTime() - b.expiresAt.getTime() ||
        (a.caseReference ?? '').localeCompare(b.caseReference ?? '') ||
        a.item.localeCompare(b.item),
    )
    .slice(0, limit)
    .map((item) => ({ ...item, expiresAt: item.expiresAt.toISOString() }));
}

export async function destructionLog(ctx: ServiceContext, limit = 500): Promise<DestructionLogEntry[]> {
  return (await listDestructionLog(ctx.db, ctx.organisation.id, limit)).map(toDestructionLogEntry);
}
