import type { ExportPackView } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { toPackView } from './export-pack-view.ts';
import { listExportPacks } from './export-packs.repository.ts';
import { findRightsRequest } from './rights.repository.ts';

/** A request's export packs, newest first: dates, sizes and links only (no personal data, so not audited). */
export async function listRequestPacks(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  now = new Date(),
): Promise<ExportPackView[]> {
  const request = await findRightsRequest(ctx.db, ctx.keyring, staff.organisationId, requestId);
  if (!request) throw notFound('The request');
  return (await listExportPacks(ctx.db, staff.organisationId, requestId)).map((pack) => toPackView(pack, now));
}
