import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { packAuditEntry } from './export-pack-audit.ts';
import { packFileName } from './export-pack-view.ts';
import { findExportPack, openExportPackContent } from './export-packs.repository.ts';

/** The officer downloads a built pack (audited); 409 once it has expired or been deleted. */
export async function downloadExportPack(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  packId: string,
  now = new Date(),
): Promise<{ zip: Buffer; fileName: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const pack = await findExportPack(tx, staff.organisationId, requestId, packId);
    if (!pack) throw notFound('The export pack');
    const zip = pack.expiresAt.getTime() > now.getTime() ? await openExportPackContent(tx, ctx.keyring, pack) : null;
    if (!zip) throw new AppError('conflict', 'This export pack has expired and was deleted. Build a new one.');
    await recordAudit(
      tx,
      packAuditEntry(staffActor(staff), { ...pack, organisationId: staff.organisationId }, 'downloaded by staff'),
    );
    return { zip, fileName: packFileName(pack) };
  });
}
