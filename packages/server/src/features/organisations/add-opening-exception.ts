import { londonToday, type AddOpeningException, type OpeningException } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { insertOpeningException, listOpeningExceptionsFrom } from './opening-exceptions.repository.ts';
import { presentOpeningException } from './list-opening-exceptions.ts';

/**
 * An administrator closes departments (or gives them special hours) from one date to another
 * (ADR 47). Stored in PostgreSQL, so the widget on every node shows it at its next read; audited.
 */
export async function addOpeningException(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: AddOpeningException,
  now = new Date(),
): Promise<OpeningException> {
  const known = new Set(ctx.organisation.settings.departments.map((d) => d.id));
  if (body.departments.some((id) => !known.has(id)))
    throw new AppError('bad_request', 'Select departments from the list');
  if (body.to < londonToday(now)) throw new AppError('bad_request', 'The last date must be today or in the future');
  const id = await ctx.db.transaction().execute(async (tx) => {
    const inserted = await insertOpeningException(tx, staff.organisationId, {
      from: body.from,
      to: body.to,
      openings: body.kind === 'closure' ? null : body.openings.map(([from, to]): [string, string] => [from, to]),
      reason: body.reason,
      departments: body.departments,
      createdBy: staff.id,
    });
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action: 'create',
      purpose: 'administration',
      recordType: 'opening_exception',
      recordId: inserted,
      fields: ['from_date', 'to_date', 'openings', 'reason', 'departments'],
    });
    return inserted;
  });
  const rows = await listOpeningExceptionsFrom(ctx.db, staff.organisationId, body.from);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not_found', 'That closure or special hours was not found');
  return presentOpeningException(row);
}
