import { createHash, randomBytes } from 'node:crypto';
import type { ExportPackView, Language } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { packAuditEntry } from './export-pack-audit.ts';
import { dayMs, toPackView, type ExportContext } from './export-pack-view.ts';
import { exportPackKey, findExportPack, setExportPackLink } from './export-packs.repository.ts';
import { exportLinkEmail } from './export-link.rules.ts';

export const linkTokenHash = (token: string) => createHash('sha256').update(token).digest();

/**
 * Emails the resident a link to a built pack (ADR 34): the token is kept only as its SHA-256; the
 * link works for the configured days and downloads. Sending again makes a new link (the old one
 * stops). The email goes through the mailer (SMTP or the sealed outbox) after the commit.
 */
export async function sendExportLink(
  { ctx, delivery }: ExportContext,
  staff: StaffPrincipal,
  requestId: string,
  packId: string,
  email: string,
  { now = new Date(), language = 'en' }: { now?: Date; language?: Language } = {},
): Promise<ExportPackView> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + delivery.linkDays * dayMs);
  const pack = await ctx.db.transaction().execute(async (tx) => {
    const found = await findExportPack(tx, staff.organisationId, requestId, packId, { forUpdate: true });
    if (!found) throw notFound('The export pack');
    if (!found.available || found.expiresAt.getTime() <= now.getTime())
      throw new AppError('conflict', 'This export pack has expired and was deleted. Build a new one.');
    await setExportPackLink(tx, packId, {
      tokenHash: linkTokenHash(token),
      sentAt: now,
      expiresAt,
      downloads: delivery.linkDownloads,
    });
    await recordAudit(
      tx,
      packAuditEntry(
        staffActor(staff),
        { ...found, organisationId: staff.organisationId },
        'link emailed to the resident',
      ),
    );
    return (await findExportPack(tx, staff.organisationId, requestId, packId))!;
  });
  const key = await exportPackKey(ctx.db, ctx.keyring, pack);
  if (!key) throw new AppError('conflict', 'This request’s data was erased.');
  const send = delivery.mailer.send(
    staff.organisationId,
    {
      to: email,
      ...exportLinkEmail({
        organisation: ctx.organisation.name,
        link: `${delivery.publicUrl.replace(/\/$/, '')}/rights/packs/${token}`,
        expiresAt,
        downloads: delivery.linkDownloads,
        language,
      }),
      language,
    },
    { dataSubjectId: pack.dataSubjectId, key },
  );
  // The link is stored but unknown to anyone until the email leaves: sending again makes a new one.
  await send.catch(() => {
    throw new AppError('unavailable', 'The email could not be sent. Try again in a few minutes.');
  });
  return toPackView(pack, now);
}
