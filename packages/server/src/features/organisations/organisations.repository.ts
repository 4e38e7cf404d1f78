import type { Db } from '../../db/client.ts';
import type { Organisation } from '../../shared/service-context.ts';

/** Inserts the organisation, or refreshes its name and settings; returns its id. */
export async function upsertOrganisation(db: Db, organisation: Omit<Organisation, 'id'>): Promise<string> {
  const settings = JSON.stringify(organisation.settings);
  const row = await db
    .insertInto('organisations')
    .values({ slug: organisation.slug, name: organisation.name, settings })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ name: organisation.name, settings }))
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}
