import { normaliseCaseReference } from '@ward/protocol';
import type { Config } from '../config.ts';
import { createLogger, createServiceContext } from '../app.ts';
import { AppError } from '../shared/app-error.ts';
import { outboxDirIn } from '../features/mail/mailer.ts';
import { eraseCaseResident } from '../features/rights/erase-case-resident.ts';
import type { ErasurePreview } from '../features/rights/erase-subject.ts';
import { replayErasures, type ReplayReport } from '../features/rights/replay-erasures.ts';
import { withDatabase } from './with-database.ts';

const kindNames: Record<string, string> = {
  'customer-record': 'customer record',
  case: 'case',
  chat: 'chat',
  'form-submission': 'form submission',
  email: 'email',
  disclosure: 'disclosure',
};

const exemptionNames: Record<string, string> = {
  'legal-hold': 'a legal hold',
  'legal-obligation': 'a legal obligation',
  'legal-claims': 'legal claims',
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What an erasure does (or would do), in words: ids, case references and counts, never personal data. */
export function describeErasure(preview: ErasurePreview, done: boolean): string[] {
  const { plan, recipients } = preview;
  const counts = new Map<string, number>();
  for (const item of plan.erase) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const lines = [done ? 'Erased:' : 'Would erase:'];
  if (plan.erase.length === 0) lines.push('  nothing');
  for (const [kind, count] of counts) lines.push(`  ${plural(count, kindNames[kind] ?? kind)}`);
  lines.push(
    `  ${plural(plan.destroyKeys.length, 'data key')} ${done ? 'destroyed' : 'to destroy'}` +
      ` (copies in backups and replicas can no longer be read)`,
  );
  if (plan.kept.length > 0) {
    lines.push('Kept:');
    for (const item of plan.kept)
      lines.push(
        `  ${kindNames[item.kind] ?? item.kind} ${item.caseReference ?? item.id}: ${exemptionNames[item.exemption]}`,
      );
  }
  if (plan.keptKeys.length > 0)
    lines.push(`  ${plural(plan.keptKeys.length, 'data key')} kept: shared with something kept`);
  const tell = [
    ...recipients.disclosures.map(
      (d) => `  ${d.recipientOrganisation}: data disclosed on ${d.disclosedOn} (case ${d.caseReference})`,
    ),
    ...recipients.transcripts.map((t) => `  the resident: transcript of ${t.caseReference} emailed`),
    ...recipients.webhooks.map((w) => `  webhook ${w.url}: told of ${w.events.join(', ')}`),
  ];
  if (tell.length > 0) lines.push('Tell them of the erasure:', ...tell);
  return lines;
}

/** `ward rights erase <case-reference> --reason TEXT [--yes]`: exit 1 without --yes, or for an unknown reference. */
export async function rightsErase(
  config: Config,
  options: { caseReference: string; reason: string; yes: boolean },
): Promise<number> {
  const reference = normaliseCaseReference(options.caseReference);
  if (!reference) {
    console.error(`ward: "${options.caseReference}" is not a case reference (like ABCD-1234).`);
    return 1;
  }
  return withDatabase(config, async (db) => {
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const deps = { outboxDir: outboxDirIn(config.dataDir), ledgerDir: config.erasureLedgerDir };
    try {
      const outcome = await eraseCaseResident(ctx, deps, reference, options.reason, { confirmed: options.yes });
      if (!outcome.confirmed) {
        console.log(describeErasure(outcome.preview, false).join('\n'));
        console.error('ward: nothing was erased. Erasure cannot be undone: run again with --yes to erase.');
        return 1;
      }
      const { result } = outcome;
      console.log(`Erasure ${result.ledgerId} of the resident of case ${reference}.`);
      console.log(describeErasure(result, true).join('\n'));
      if (result.outboxEmails > 0) console.log(`  ${plural(result.outboxEmails, 'waiting outbox email')} deleted`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        console.error(`ward: there is no case ${reference}: nothing was erased.`);
        return 1;
      }
      if (error instanceof AppError) {
        console.error(`ward: ${error.message}. Nothing was erased.`);
        return 1;
      }
      throw error;
    }
  });
}

export function describeReplay(report: ReplayReport): string {
  return [
    `Replayed ${plural(report.entries, 'erasure')} from the erasure ledger` +
      (report.restoredEntries > 0 ? ` (${report.restoredEntries} found only in the ledger folder)` : '') +
      '.',
    `  ${plural(report.itemsErasedAgain, 'item')} held personal data again and ${report.itemsErasedAgain === 1 ? 'was' : 'were'} erased`,
    `  ${plural(report.keysDestroyedAgain, 'data key')} destroyed again`,
    `  ${plural(report.outboxEmails, 'outbox email')} deleted`,
  ].join('\n');
}

/** `ward rights replay-erasures`: after `ward restore`, erase again everything the ledger names. */
export async function rightsReplayErasures(config: Config): Promise<void> {
  await withDatabase(config, async (db) => {
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const report = await replayErasures(ctx, {
      ledgerDir: config.erasureLedgerDir,
      outboxDir: outboxDirIn(config.dataDir),
    });
    console.log(describeReplay(report));
  });
}
