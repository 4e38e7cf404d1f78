import { writeFile } from 'node:fs/promises';
import { normaliseCaseReference } from '@ward/protocol';
import type { Config } from '../config.ts';
import { createLogger, createServiceContext } from '../app.ts';
import { exportCaseSubject } from '../features/rights/export-case-subject.ts';
import { withDatabase } from './with-database.ts';

/**
 * `ward rights export <case-reference> --out <file.zip>` (ADR 34): the export pack of the resident
 * of that case (its record and everything on it), written to a file for IT, audited as the system.
 * Prints what the pack holds; exit 1 for a reference Ward does not have.
 */
export async function rightsExport(config: Config, options: { caseReference: string; out: string }): Promise<number> {
  const reference = normaliseCaseReference(options.caseReference);
  if (!reference) {
    console.error(`ward: "${options.caseReference}" is not a case reference (they look like K7QX-3M9T).`);
    return 1;
  }
  return withDatabase(config, async (db) => {
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const pack = await exportCaseSubject(ctx, reference);
    if (!pack) {
      console.error(`ward: no case has the reference ${reference}; nothing was exported.`);
      return 1;
    }
    await writeFile(options.out, pack.zip, { mode: 0o600 });
    const lines = [
      `Export pack for the resident of case ${reference} written to ${options.out} (${pack.zip.length} bytes, SHA-256 ${pack.sha256}).`,
      'It holds:',
      ...Object.entries(pack.counts).map(([kind, count]) => `  ${kind}: ${count}`),
      'Files:',
      ...pack.files.map((file) => `  ${file.name} (${file.bytes} bytes)`),
    ];
    console.log(lines.join('\n'));
    return 0;
  });
}
