import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/client.ts';

/** A closure (openings null) or special hours, as stored (migration 0038, ADR 47). */
export type OpeningExceptionRow = {
  id: string;
  from: string;
  to: string;
  openings: Array<[string, string]> | null;
  reason: string;
  departments: string[];
  createdAt: Date;
};

export async function insertOpeningException(
  tx: Tx,
  organisationId: string,
  exception: Omit<OpeningExceptionRow, 'id' | 'createdAt'> & { createdBy: string },
): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('opening_exceptions')
    .values({
      id,
      organisation_id: organisationId,
      from_date: exception.from,
      to_date: exception.to,
      openings: exception.openings === null ? null : JSON.stringify(exception.openings),
      reason: exception.reason,
      departments: exception.departments,
      created_by: exception.createdBy,
    })
    .execute();
  return id;
}

/** The exceptions whose last date is `fromDate` or later (earlier ones have expired), by first date. */
export async function listOpeningExceptionsFrom(
  db: DbOrTx,
  organisationId: string,
  fromDate: string,
): Promise<OpeningExceptionRow[]> {
  const rows = await db
    .selectFrom('opening_exceptions')
    .select([
      'id',
      sql<string>`from_date::text`.as('from'),
      sql<string>`to_date::text`.as('to'),
      'openings',
      'reason',
      'departments',
      'created_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where('to_date', '>=', fromDate)
    .orderBy('from_date')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    from: row.from,
    to: row.to,
    openings: (row.openings as Array<[string, string]> | null) ?? null,
    reason: row.reason,
    departments: row.departments,
    createdAt: row.created_at,
  }));
}

/** Removes one of the organisation's exceptions; false when it has no such exception. */
export async function deleteOpeningException(tx: Tx, organisationId: string, id: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('opening_exceptions')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
