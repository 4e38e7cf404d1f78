import type { ServiceContext } from '../../shared/service-context.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { assembleExportPack, type AssembledPack } from './assemble-export-pack.ts';
import { exportAuditEntries } from './export-pack-audit.ts';
import { scopeOfCaseReference } from './subject-scope.repository.ts';
import { formsOf } from '../../shared/leave-a-message-form.ts';

/**
 * `ward rights export <case-reference>` (ADR 34): the pack of the resident of one case (its record
 * and everything on it, ADR 32), built by Ward itself for IT and audited as the system. Null for
 * a reference the council does not have. Nothing is stored: the command writes the file.
 */
export async function exportCaseSubject(
  ctx: ServiceContext,
  caseReference: string,
  now = new Date(),
): Promise<AssembledPack | null> {
  return ctx.db.transaction().execute(async (tx) => {
    const scope = await scopeOfCaseReference(tx, ctx.organisation.id, caseReference);
    if (!scope) return null;
    const pack = await assembleExportPack(tx, ctx.keyring, scope, {
      organisation: ctx.organisation.name,
      retention: ctx.organisation.settings.retention,
      forms: formsOf(ctx.organisation.settings),
      request: { id: `case ${caseReference}`, type: 'access', receivedOn: now.toISOString().slice(0, 10) },
      withheld: [],
      now,
    });
    await recordAudit(tx, exportAuditEntries(systemActor, null, scope, 'built by ward rights export'));
    return pack;
  });
}
