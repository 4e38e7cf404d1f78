import type { PrivacyNotice } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { noticeInEffect } from './contact-terms.rules.ts';
import {
  findNoticeByVersion,
  insertNotice,
  listNotices,
  noticeInEffectAt,
  type NoticeRow,
} from './privacy-notices.repository.ts';

const present = (notice: NoticeRow, current: NoticeRow | null): PrivacyNotice => ({
  id: notice.id,
  version: notice.version,
  url: notice.url,
  body: notice.body,
  effectiveFrom: notice.effectiveFrom.toISOString(),
  current: current?.id === notice.id,
});

export async function listPrivacyNotices(ctx: ServiceContext, now = new Date()): Promise<PrivacyNotice[]> {
  const notices = await listNotices(ctx.db, ctx.organisation.id);
  const current = noticeInEffect(notices, now);
  return notices.map((n) => present(n, current));
}

/** Publishes a new version; a version, once published, never changes (contacts point at it). */
export async function publishPrivacyNotice(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: { version: string; url: string | null; body: string | null; effectiveFrom?: string | undefined },
): Promise<PrivacyNotice> {
  const effectiveFrom = body.effectiveFrom ? new Date(body.effectiveFrom) : new Date();
  const notice = await ctx.db.transaction().execute(async (tx) => {
    const id = await insertNotice(tx, {
      organisationId: staff.organisationId,
      version: body.version,
      url: body.url,
      body: body.body,
      effectiveFrom,
      createdBy: staff.id,
    });
    if (!id) throw new AppError('conflict', `Version ${body.version} is already published: choose a new version`);
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action: 'create',
      purpose: 'consent',
      recordType: 'privacy-notice',
      recordId: id,
      fields: ['version', body.url ? 'url' : 'body', 'effective_from'],
    });
    return { id, version: body.version, url: body.url, body: body.body, effectiveFrom };
  });
  const all = await listNotices(ctx.db, staff.organisationId);
  return present(notice, noticeInEffect(all, new Date()));
}

/** A published notice by version, for Ward's own notice page (text notices). */
export async function readPrivacyNotice(ctx: ServiceContext, version: string): Promise<NoticeRow | null> {
  return findNoticeByVersion(ctx.db, ctx.organisation.id, version);
}

/** Where residents read the notice in effect: its own address, or Ward's page for a text notice; null when none. */
export async function currentNoticeAddress(ctx: ServiceContext, publicUrl: string): Promise<string | null> {
  const notice = await noticeInEffectAt(ctx.db, ctx.organisation.id, new Date());
  if (!notice) return null;
  return notice.url ?? `${publicUrl}/privacy-notice/${encodeURIComponent(notice.version)}`;
}
