import type { Db } from '../../db/client.ts';
import type { Organisation } from '../../shared/service-context.ts';

/** The configured organisation is created on first start and its settings refreshed on every start. */
export async function ensureOrganisation(db: Db, configured: Omit<Organisation, 'id'>): Promise<Organisation> {
  const row = await db
    .insertInto('organisations')
    .values({ slug: configured.slug, name: configured.name, settings: JSON.stringify(configured.settings) })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({ name: configured.name, settings: JSON.stringify(configured.settings) }),
    )
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, slug: configured.slug, name: configured.name, settings: configured.settings };
}
