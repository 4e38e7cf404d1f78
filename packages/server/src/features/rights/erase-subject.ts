import { deleteExportPacksCovering, deleteRequestExportPacks } from './export-packs.repository.ts';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { recordAudit, type AuditActor, type AuditEntry } from '../audit/record-audit.ts';
import { listOutboxFacts, removeOutboxEmail } from '../mail/outbox.repository.ts';
import { AppError } from '../../shared/app-error.ts';
import { encryptedConversationFields } from '../conversations/conversation-records.repository.ts';
import {
  countOpenChats,
  destroyKeys,
  eraseItems,
  keysUsedElsewhere,
  listActiveHolds,
  listRecipients,
  type ErasureRecipients,
} from './erasure.repository.ts';
import { insertLedgerEntry, removeLedgerFile, writeLedgerFile, type LedgerEntry } from './erasure-ledger.repository.ts';
import {
  erasedMarker,
  idsByKind,
  planErasure,
  scopeItems,
  type ErasureItemKind,
  type ErasureItemRef,
  type ErasurePlan,
  type KeepChoice,
} from './erasure.rules.ts';
import type { SubjectScope } from './subject-scope.rules.ts';

/** Where erasure reaches beyond the database: the transcript outbox, and the ledger's own folder. */
export type ErasureDeps = { outboxDir: string; ledgerDir: string };

export type ErasureChoices = { keep: readonly KeepChoice[]; items: 'all' | readonly ErasureItemRef[] };

export type ErasurePreview = {
  plan: ErasurePlan;
  recipients: ErasureRecipients;
};

export type ErasureResult = ErasurePreview & {
  ledgerId: string;
  /** The keys destroyed now (a replay may find some already gone). */
  destroyedKeys: string[];
  /** Transcript emails waiting in the outbox folder that were deleted. */
  outboxEmails: number;
};

export type ErasureOrder = ErasureChoices & {
  actor: AuditActor;
  requestId: string | null;
  reasonCategory: LedgerEntry['reasonCategory'];
  /** For the audit trail: already redacted, with what carried the erasure out. */
  auditReason: string;
};

/** What an erasure would do now: the plan, the keys shared beyond the scope, and who to tell. */
export async function previewErasure(
  tx: Tx,
  scope: SubjectScope,
  choices: ErasureChoices,
  now: Date,
): Promise<ErasurePreview> {
  const holds = await listActiveHolds(tx, scope.organisationId, now);
  const plan = planErasure({ scope, holds, keep: choices.keep, items: choices.items });
  const shared = await keysUsedElsewhere(
    tx,
    plan.destroyKeys,
    scopeItems(scope).map((i) => i.id),
  );
  // A key that also seals a row outside the scope stays, counted with the kept keys.
  plan.keptKeys = [...plan.keptKeys, ...plan.destroyKeys.filter((k) => shared.has(k))].sort();
  plan.destroyKeys = plan.destroyKeys.filter((k) => !shared.has(k));
  const erased = idsByKind(plan.erase);
  const caseOf = new Map(
    [...scope.conversations, ...scope.formSubmissions, ...scope.emails, ...scope.disclosures].map((i) => [
      i.id,
      i.caseId,
    ]),
  );
  const touchedCases = new Set([
    ...erased.case,
    ...plan.erase.flatMap((i) => (caseOf.has(i.id) ? [caseOf.get(i.id)!] : [])),
  ]);
  const recipients = await listRecipients(tx, scope.organisationId, [...touchedCases], erased.chat);
  return { plan, recipients };
}

/**
 * Erases a subject (issue 9, ADR 35), in one transaction with its audit entries and its ledger
 * entry: the personal data of every item planned goes, then every key whose items are all erased
 * is destroyed, so a copy in a backup or replica cannot be read. `loadScope` runs in the
 * transaction (and may refuse). The ledger file is written before the commit (removed if the
 * commit fails), so no committed erasure is missing from it; waiting transcript emails in the
 * outbox go after the commit (files cannot join a transaction; their key is already gone).
 */
export async function eraseSubject(
  ctx: ServiceContext,
  deps: ErasureDeps,
  organisationId: string,
  loadScope: (tx: Tx) => Promise<SubjectScope & { order: ErasureOrder }>,
  now = new Date(),
): Promise<ErasureResult> {
  let ledgerFile: string | null = null;
  let result: Omit<ErasureResult, 'outboxEmails'>;
  try {
    result = await ctx.db.transaction().execute(async (tx) => {
      const { order, ...scope } = await loadScope(tx);
      const preview = await previewErasure(tx, scope, order, now);
      const items = idsByKind(preview.plan.erase);
      // A chat still going on would go on under a destroyed key: it is ended first, by its agent.
      if ((await countOpenChats(tx, items.chat)) > 0)
        throw new AppError('conflict', 'A chat to erase is still going on: end it first, then erase');
      await eraseItems(tx, ctx.keyring, items, now, erasedMarker);
      const destroyedKeys = await destroyKeys(tx, preview.plan.destroyKeys, now);
      // A pack already built for the request holds copies of what was erased (ADR 34).
      if (order.requestId) await deleteRequestExportPacks(tx, order.requestId, now);
      // So does a pack built for any other request about the same records or cases.
      if (preview.plan.erase.length > 0)
        await deleteExportPacksCovering(
          tx,
          organisationId,
          [...scope.records, ...scope.cases].map((item) => item.id),
          now,
        );
      const entry: LedgerEntry = {
        id: randomUUID(),
        organisationId,
        erasedAt: now,
        requestId: order.requestId,
        actor: order.actor.kind === 'staff' ? order.actor.id : 'system',
        reasonCategory: order.reasonCategory,
        dataSubjectIds: preview.plan.destroyKeys,
        items,
        kept: preview.plan.kept.map(({ kind, id, exemption }) => ({ kind, id, exemption })),
      };
      await insertLedgerEntry(tx, entry);
      await recordAudit(tx, erasureAuditEntries(organisationId, order, preview.plan, destroyedKeys));
      ledgerFile = await writeLedgerFile(deps.ledgerDir, entry);
      return { ...preview, ledgerId: entry.id, destroyedKeys };
    });
  } catch (error) {
    if (ledgerFile) await removeLedgerFile(ledgerFile);
    throw error;
  }
  const outboxEmails = await removeOutboxEmails(
    deps.outboxDir,
    organisationId,
    result.plan.destroyKeys,
    idsByKind(result.plan.erase).chat,
  );
  return { ...result, outboxEmails };
}

/** Deletes outbox emails sealed under a destroyed key or carrying an erased chat's transcript. */
export async function removeOutboxEmails(
  outboxDir: string,
  organisationId: string,
  keys: readonly string[],
  chats: readonly string[],
): Promise<number> {
  const keySet = new Set(keys);
  const chatSet = new Set(chats);
  const doomed = (await listOutboxFacts(outboxDir, organisationId)).filter(
    (f) => keySet.has(f.dataSubjectId) || (f.conversationId !== undefined && chatSet.has(f.conversationId)),
  );
  for (const email of doomed) await removeOutboxEmail(outboxDir, organisationId, email.id);
  return doomed.length;
}

const recordTypes: Record<ErasureItemKind, string> = {
  'customer-record': 'customer_record',
  case: 'case',
  chat: 'conversation',
  'form-submission': 'form_submission',
  email: 'email',
  disclosure: 'disclosure',
};

const erasedFields: Record<ErasureItemKind, readonly string[]> = {
  'customer-record': ['record_details.value', 'record_details.change_reason', 'blind_indexes'],
  case: ['summary', 'case_entries.body', 'disclosures.recipient_contact', 'disclosures.what_shared', 'disclosures.why'],
  chat: ['messages', ...encryptedConversationFields, 'conversation_corrections', 'conversation_notes', 'blind_indexes'],
  'form-submission': ['answers', 'confirmation_email'],
  email: [
    'message_id',
    'from_address',
    'to_address',
    'subject',
    'body',
    'refused_attachments',
    'email_attachments.filename',
    'email_attachments.content',
  ],
  disclosure: ['recipient_contact', 'what_shared', 'why'],
};

/** One entry per item erased and one per key destroyed: who, why, what (field names only). */
function erasureAuditEntries(
  organisationId: string,
  order: ErasureOrder,
  plan: ErasurePlan,
  destroyedKeys: readonly string[],
): AuditEntry[] {
  const base = {
    organisationId,
    actor: order.actor,
    action: 'delete' as const,
    purpose: 'rights-request' as const,
    reason: order.auditReason,
  };
  return [
    ...plan.erase.map((item) => ({
      ...base,
      recordType: recordTypes[item.kind],
      recordId: item.id,
      dataSubjectId: item.dataSubjectId,
      caseReference: item.caseReference,
      fields: erasedFields[item.kind],
    })),
    ...destroyedKeys.map((key) => ({
      ...base,
      recordType: 'data_subject_key',
      recordId: key,
      dataSubjectId: key,
      fields: ['wrapped_key'],
    })),
  ];
}
