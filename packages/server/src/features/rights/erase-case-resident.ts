import { AppError } from '../../shared/app-error.ts';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { systemActor } from '../audit/record-audit.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import {
  eraseSubject,
  previewErasure,
  type ErasureDeps,
  type ErasurePreview,
  type ErasureResult,
} from './erase-subject.ts';
import { erasureAuditReason } from './erasure.rules.ts';
import { scopeOfCaseReference } from './subject-scope.repository.ts';

/**
 * `ward rights erase <case-reference>` (ADR 35): the resident of one case, that is its record and
 * everything on it (or the case alone when it has none), erased as the system, with the typed
 * reason. Without `confirmed` it only says what would be erased. A reference the organisation
 * does not have is a `not_found` problem.
 */
export async function eraseCaseResident(
  ctx: ServiceContext,
  deps: ErasureDeps,
  caseReference: string,
  reason: string,
  options: { confirmed: boolean; now?: Date },
): Promise<{ confirmed: false; preview: ErasurePreview } | { confirmed: true; result: ErasureResult }> {
  const now = options.now ?? new Date();
  const organisationId = ctx.organisation.id;
  const scopeOf = async (tx: Tx) => {
    const scope = await scopeOfCaseReference(tx, organisationId, caseReference);
    if (!scope) throw new AppError('not_found', `There is no case ${caseReference}`);
    return scope;
  };
  if (!options.confirmed) {
    const preview = await ctx.db
      .transaction()
      .execute(async (tx) => previewErasure(tx, await scopeOf(tx), { keep: [], items: 'all' }, now));
    return { confirmed: false, preview };
  }
  const auditReason = erasureAuditReason(
    { requestId: null, caseReference },
    redactFor(ctx.organisation.settings, reason).text,
  );
  const result = await eraseSubject(
    ctx,
    deps,
    organisationId,
    async (tx) => ({
      ...(await scopeOf(tx)),
      order: { keep: [], items: 'all', actor: systemActor, requestId: null, reasonCategory: 'command', auditReason },
    }),
    now,
  );
  return { confirmed: true, result };
}
