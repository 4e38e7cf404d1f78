import type { Db } from '../../db/client.ts';
import type { Organisation } from '../../shared/service-context.ts';
import { upsertOrganisation } from './organisations.repository.ts';

/** The configured organisation is created on first start and its settings refreshed on every start. */
export async function ensureOrganisation(db: Db, configured: Omit<Organisation, 'id'>): Promise<Organisation> {
  const id = await upsertOrganisation(db, configured);
  return { id, slug: configured.slug, name: configured.name, settings: configured.settings };
}
