import type { ErasurePreview as ErasurePreviewView, ErasureResult as ErasureResultView } from '@ward/protocol';
import type { ErasurePreview, ErasureResult } from './erase-subject.ts';

const item = (i: { kind: ErasurePreviewView['erase'][number]['kind']; id: string; caseReference: string | null }) => ({
  kind: i.kind,
  id: i.id,
  caseReference: i.caseReference,
});

export function toErasurePreview(preview: ErasurePreview): ErasurePreviewView {
  const { plan, recipients } = preview;
  return {
    erase: plan.erase.map(item),
    kept: plan.kept.map((k) => ({ ...item(k), exemption: k.exemption, reason: k.reason })),
    notChosen: plan.notChosen.map(item),
    keys: { destroy: plan.destroyKeys.length, keep: plan.keptKeys.length },
    recipients: {
      disclosures: recipients.disclosures,
      transcripts: recipients.transcripts.map((t) => ({
        caseReference: t.caseReference,
        requestedAt: t.requestedAt.toISOString(),
      })),
      webhooks: recipients.webhooks,
    },
  };
}

export function toErasureResult(result: ErasureResult): ErasureResultView {
  return {
    ...toErasurePreview(result),
    ledgerId: result.ledgerId,
    destroyedKeys: result.destroyedKeys.length,
    outboxEmails: result.outboxEmails,
  };
}
