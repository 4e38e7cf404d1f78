#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { findUnsafeText, unsafeTextMessage } from '@ward/protocol';
import { ConfigError, loadConfig } from '../config.ts';
import { serve } from './serve.ts';
import { migrate } from './migrate.ts';
import { createAdminInvitation } from './admin-create.ts';
import { rotateKeys } from './keys-rotate.ts';
import { retentionRun } from './retention-run.ts';
import { auditCheckpoint, auditVerify } from './audit.ts';
import { backup, restore } from './backup.ts';
import { ropa, ropaFormats, type RopaFormat } from './ropa.ts';
import { rightsExport } from './rights-export.ts';
import { rightsErase, rightsReplayErasures } from './rights-erase.ts';

const usage = `Usage: ward <command> [options]

Commands:
  serve                     Run Ward (migrates the database first). The default.
  migrate                   Apply database migrations and exit.
  admin create [--email E]  Print a one-time link that creates an administrator.
                            Without --email the person chooses their own address.
  keys rotate               Re-wrap every resident's data key under the newest
                            key-encryption key (the first in WARD_KEK / WARD_KEK_FILE).
                            Safe to stop and run again; Ward keeps serving.
  retention run [--dry-run] Delete what has passed its retention period and is not
                            under a legal hold, now (Ward also does this every hour).
                            --dry-run lists what would be deleted and deletes nothing.
  audit verify [--checkpoint FILE]...
                            Check the audit trail's keyed chain from the first entry,
                            that no entry is missing, and that it still holds every
                            signed checkpoint in WARD_AUDIT_CHECKPOINT_DIR (and FILE).
                            Prints OK, or what is wrong and where (exit 1).
  audit checkpoint [--out FILE]
                            Write a signed checkpoint of the audit trail (each
                            organisation's entry count and newest entry) to the
                            checkpoint folder, or to FILE (Ward also does this hourly).
  backup --out FILE         Write a consistent backup of Ward's data (not its keys) to
                            FILE, also while Ward serves.
  restore FILE              Restore a backup into an empty data folder or database.
  rights erase CASE-REFERENCE --reason TEXT [--yes]
                            Erase the resident of that case: their record and every
                            contact on it (or the case alone), destroying their data
                            keys. Prints what is erased, what is kept (legal holds)
                            and who to tell. Without --yes: prints what would be
                            erased and exits 1.
  rights replay-erasures    After "ward restore": erase again everything in the
                            erasure ledger (WARD_ERASURE_LEDGER_DIR) and destroy the
                            keys again. Prints what it destroyed. Safe to run again.
  ropa [--format md|csv]    Print the record of processing activities (UK GDPR
                            Article 30) from the live configuration and the
                            disclosure log: Markdown (the default) or CSV.
  rights export CASE-REFERENCE --out FILE.zip
                            Write the export pack (data.json, CSVs, report.html,
                            report.pdf, manifest.json) of the resident of that case:
                            its customer record and every contact on it. Prints
                            what it holds; exit 1 for an unknown reference.

Options:
  -h, --help                Show this help.

Configuration comes from environment variables; see the README.`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      'dry-run': { type: 'boolean' },
      checkpoint: { type: 'string', multiple: true },
      out: { type: 'string' },
      format: { type: 'string' },
      reason: { type: 'string' },
      yes: { type: 'boolean' },
    },
  });
  // The same rule as every request: no NUL or unpaired surrogate reaches the database from a command line either.
  const unsafe = findUnsafeText({ ...values, arguments: positionals });
  if (unsafe) throw new UsageError(`${unsafeTextMessage(unsafe)}.`);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [command = 'serve', ...rest] = positionals;
  if (values.format !== undefined && command !== 'ropa') throw new UsageError('"--format" goes with "ward ropa"');
  if ((values.reason !== undefined || values.yes) && !(command === 'rights' && rest[0] === 'erase'))
    throw new UsageError('"--reason" and "--yes" go with "ward rights erase"');
  const config = loadConfig(process.env);
  switch (command) {
    case 'serve':
      if (rest.length) throw new UsageError(`"serve" takes no arguments (got "${rest.join(' ')}")`);
      await serve(config);
      return 0;
    case 'migrate':
      if (rest.length) throw new UsageError(`"migrate" takes no arguments (got "${rest.join(' ')}")`);
      await migrate(config);
      return 0;
    case 'admin':
      if (rest[0] !== 'create' || rest.length > 1) throw new UsageError('Did you mean "ward admin create"?');
      await createAdminInvitation(config, values.email ?? null);
      return 0;
    case 'keys':
      if (rest[0] !== 'rotate' || rest.length > 1) throw new UsageError('Did you mean "ward keys rotate"?');
      await rotateKeys(config);
      return 0;
    case 'retention':
      if (rest[0] !== 'run' || rest.length > 1) throw new UsageError('Did you mean "ward retention run"?');
      await retentionRun(config, { dryRun: values['dry-run'] === true });
      return 0;
    case 'audit':
      if (rest.length !== 1 || (rest[0] !== 'verify' && rest[0] !== 'checkpoint'))
        throw new UsageError('Did you mean "ward audit verify" or "ward audit checkpoint"?');
      if (rest[0] === 'verify') {
        if (values.out) throw new UsageError('"--out" goes with "ward audit checkpoint"');
        return auditVerify(config, { checkpointFiles: values.checkpoint ?? [] });
      }
      if (values.checkpoint) throw new UsageError('"--checkpoint" goes with "ward audit verify"');
      await auditCheckpoint(config, { out: values.out ?? null });
      return 0;
    case 'backup':
      if (rest.length) throw new UsageError(`"backup" takes no arguments (got "${rest.join(' ')}")`);
      if (!values.out) throw new UsageError('Say where to write the backup: ward backup --out FILE');
      await backup(config, values.out);
      return 0;
    case 'restore':
      if (rest.length !== 1) throw new UsageError('Say which backup to restore: ward restore FILE');
      return restore(config, rest[0]!);
    case 'rights':
      if (rest[0] === 'replay-erasures' && rest.length === 1) {
        await rightsReplayErasures(config);
        return 0;
      }
      if (rest[0] === 'export' && rest.length === 2) {
        if (!values.out)
          throw new UsageError('Say where to write the pack: ward rights export CASE-REFERENCE --out FILE.zip');
        return rightsExport(config, { caseReference: rest[1]!, out: values.out });
      }
      if (rest[0] !== 'erase' || rest.length !== 2)
        throw new UsageError(
          'Did you mean "ward rights export CASE-REFERENCE --out FILE.zip", "ward rights erase CASE-REFERENCE" or "ward rights replay-erasures"?',
        );
      if (!values.reason?.trim()) throw new UsageError('Say why: ward rights erase CASE-REFERENCE --reason TEXT');
      return rightsErase(config, { caseReference: rest[1]!, reason: values.reason.trim(), yes: values.yes === true });
    case 'ropa': {
      if (rest.length) throw new UsageError(`"ropa" takes no arguments (got "${rest.join(' ')}")`);
      const format = values.format ?? 'md';
      if (!ropaFormats.includes(format as RopaFormat))
        throw new UsageError(`"--format" is md or csv (got "${format}")`);
      await ropa(config, { format: format as RopaFormat });
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`ward: ${(error as Error).message}\n\n${usage}`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      console.error(`ward: ${error.message}`);
      process.exit(78);
    }
    console.error(`ward: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
