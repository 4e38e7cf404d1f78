import type { ServiceContext } from '../../shared/service-context.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { packAuditEntry } from './export-pack-audit.ts';
import { packFileName } from './export-pack-view.ts';
import { countLinkDownload, findExportPackByLink, openExportPackContent } from './export-packs.repository.ts';
import { linkTokenHash } from './send-export-link.ts';

export type LinkDownload = { kind: 'pack'; zip: Buffer; fileName: string } | { kind: 'gone' } | { kind: 'unknown' };

/**
 * A resident opens the link in their email (ADR 34): the pack while the link is in date and has
 * downloads left (each counted, the last deletes the content), else `gone`. Audited as Ward
 * handing the pack over.
 */
export async function downloadExportLink(ctx: ServiceContext, token: string, now = new Date()): Promise<LinkDownload> {
  return ctx.db.transaction().execute(async (tx) => {
    const pack = await findExportPackByLink(tx, linkTokenHash(token));
    if (!pack || pack.organisationId !== ctx.organisation.id) return { kind: 'unknown' } as const;
    const usable = pack.available && pack.expiresAt.getTime() > now.getTime() && (pack.linkDownloadsLeft ?? 0) > 0;
    const zip = usable ? await openExportPackContent(tx, ctx.keyring, pack) : null;
    if (!zip) return { kind: 'gone' } as const;
    await countLinkDownload(tx, pack.id, now);
    await recordAudit(tx, packAuditEntry(systemActor, pack, 'downloaded by the resident with their link'));
    return { kind: 'pack', zip, fileName: packFileName(pack) } as const;
  });
}
