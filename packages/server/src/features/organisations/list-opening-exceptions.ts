import { londonToday, type OpeningException, type OpeningExceptionsResponse } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { listOpeningExceptionsFrom, type OpeningExceptionRow } from './opening-exceptions.repository.ts';

export const presentOpeningException = (row: OpeningExceptionRow): OpeningException => ({
  id: row.id,
  kind: row.openings === null ? 'closure' : 'special-hours',
  from: row.from,
  to: row.to,
  openings: row.openings ?? [],
  reason: row.reason,
  departments: row.departments,
  createdAt: row.createdAt.toISOString(),
});

/** The closures and special hours set in the console that are not over yet (ADR 47), with the departments. */
export async function listOpeningExceptions(ctx: ServiceContext, now = new Date()): Promise<OpeningExceptionsResponse> {
  const rows = await listOpeningExceptionsFrom(ctx.db, ctx.organisation.id, londonToday(now));
  return {
    exceptions: rows.map(presentOpeningException),
    departments: ctx.organisation.settings.departments.map(({ id, label }) => ({ id, label })),
  };
}
