import type { ServiceContext } from '../../shared/service-context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { closedAt, departmentHours, type DepartmentHours } from './opening-hours.rules.ts';
import { listOpeningExceptionsFrom } from './opening-exceptions.repository.ts';
import { londonToday } from '@ward/protocol';

/**
 * Whether each topic's department is answering chats now, and when it next will (issue 11): the
 * settings file's hours with the closures and special hours set in the console (ADR 47), read from
 * the database each time, so a change on one node shows on every node at once.
 */
export async function topicAvailability(ctx: ServiceContext, now = new Date()): Promise<Map<string, DepartmentHours>> {
  const { settings } = ctx.organisation;
  const exceptions = await listOpeningExceptionsFrom(ctx.db, ctx.organisation.id, londonToday(now));
  return new Map(
    settings.topics.map((topic) => [
      topic.id,
      departmentHours(settings.openingHours, settings.nation, topic.department, now, exceptions),
    ]),
  );
}

/**
 * Whether a contact coming in now finds its department closed (an out-of-hours message, ADR 44),
 * with the console's closures and special hours: read in the contact's own transaction.
 */
export async function closedDepartmentsAt(
  db: DbOrTx,
  ctx: ServiceContext,
  at: Date,
): Promise<(departmentId: string | null) => boolean> {
  const exceptions = await listOpeningExceptionsFrom(db, ctx.organisation.id, londonToday(at));
  return closedAt(ctx.organisation.settings, at, exceptions);
}
