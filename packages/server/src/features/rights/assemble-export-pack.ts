import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { FormDefinition } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { RetentionSettings } from '../../shared/organisation-settings.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { openScopeContents } from './export-pack.repository.ts';
import { exportManifest, messageKey, packCounts, shapeExportPack } from './export-pack.rules.ts';
import type { ExportPackData } from './export-pack.types.ts';
import { exportCsvFiles } from './export-csv.rules.ts';
import { renderReportPdf } from './export-report-pdf.ts';
import { renderReportHtml } from './export-report.rules.ts';
import type { SubjectScope } from './subject-scope.rules.ts';

export type AssembledPack = {
  zip: Buffer;
  sha256: string;
  files: Array<{ name: string; bytes: number }>;
  counts: Record<string, number>;
  data: ExportPackData;
};

export type PackSettings = {
  organisation: string;
  retention: RetentionSettings;
  forms: readonly FormDefinition[];
};

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Builds the export pack of a scope (ADR 34): reads and opens every item, shapes `data.json`, a CSV
 * per kind, `report.html` and `report.pdf`, and zips them with `manifest.json` (their SHA-256).
 * The caller holds the transaction, stores or writes the ZIP and writes the audit entries.
 */
export async function assembleExportPack(
  db: DbOrTx,
  keyring: Keyring,
  scope: SubjectScope,
  options: PackSettings & {
    request: { id: string; type: string; receivedOn: string };
    withheld: ReadonlyArray<{ conversationId: string; seq: number }>;
    now: Date;
  },
): Promise<AssembledPack> {
  const contents = await openScopeContents(db, keyring, scope, options.forms);
  const data = shapeExportPack(contents, {
    organisation: options.organisation,
    request: options.request,
    retention: options.retention,
    forms: options.forms,
    withheld: new Set(options.withheld.map((m) => messageKey(m.conversationId, m.seq))),
    now: options.now,
  });
  const files: Array<[string, Buffer]> = [
    ['data.json', Buffer.from(JSON.stringify(data, null, 2) + '\n')],
    ...Object.entries(exportCsvFiles(data)).map(([name, text]): [string, Buffer] => [name, Buffer.from(text)]),
    ['report.html', Buffer.from(renderReportHtml(data))],
    ['report.pdf', await renderReportPdf(data)],
  ];
  const listed = files.map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: sha256(bytes) }));
  files.push(['manifest.json', Buffer.from(exportManifest(data, listed))]);
  const zip = await zipFiles(files, options.now);
  return {
    zip,
    sha256: sha256(zip),
    files: files.map(([name, bytes]) => ({ name, bytes: bytes.length })),
    counts: packCounts(data),
    data,
  };
}

async function zipFiles(files: ReadonlyArray<[string, Buffer]>, mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name, { mtime, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
