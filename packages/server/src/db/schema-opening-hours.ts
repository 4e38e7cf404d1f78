import type { ColumnType } from 'kysely';

/**
 * Migration 0038 (ADR 47): a closure (openings null) or special hours set in the console. Dates are
 * London calendar dates, read as YYYY-MM-DD text; openings are JSON [["09:00", "12:00"], …].
 */
export interface OpeningExceptionsTable {
  id: string;
  organisation_id: string;
  from_date: string;
  to_date: string;
  openings: ColumnType<unknown, string | null, string | null>;
  reason: string;
  departments: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
