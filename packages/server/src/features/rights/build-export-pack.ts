import { randomUUID } from 'node:crypto';
import type { ExportPackView } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { assembleExportPack } from './assemble-export-pack.ts';
import { exportAuditEntries } from './export-pack-audit.ts';
import { dayMs, toPackView, type ExportContext } from './export-pack-view.ts';
import { findExportPack, insertExportPack, listWithheld } from './export-packs.repository.ts';
import { findRightsRequest } from './rights.repository.ts';
import { scopeOfRequest } from './subject-scope.repository.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';

/**
 * "Build the export pack" (ADR 34): everything in the request's subject scope as a ZIP, stored
 * sealed under the request's own key until it expires, each contact's export audited.
 */
export async function buildExportPack(
  { ctx, delivery }: ExportContext,
  staff: StaffPrincipal,
  requestId: string,
  now = new Date(),
): Promise<ExportPackView> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, requestId);
    if (!request) throw notFound('The request');
    const scope = await scopeOfRequest(tx, staff.organisationId, requestId);
    const pack = await assembleExportPack(tx, ctx.keyring, scope, {
      organisation: ctx.organisation.name,
      retention: ctx.organisation.settings.retention,
      forms: formsOf(ctx.organisation.settings),
      request: { id: request.id, type: request.type, receivedOn: request.receivedOn },
      withheld: await listWithheld(tx, staff.organisationId, requestId),
      now,
    });
    const id = randomUUID();
    await insertExportPack(tx, ctx.keyring, {
      id,
      organisationId: staff.organisationId,
      requestId,
      dataSubjectId: request.dataSubjectId,
      zip: pack.zip,
      sha256: pack.sha256,
      files: pack.files,
      builtBy: staff.id,
      expiresAt: new Date(now.getTime() + delivery.linkDays * dayMs),
    });
    await recordAudit(tx, exportAuditEntries(staffActor(staff), request, scope, 'built'));
    const stored = await findExportPack(tx, staff.organisationId, requestId, id);
    return toPackView(stored!, now, pack.counts);
  });
}
