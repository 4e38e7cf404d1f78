import type { Config } from '../config.ts';
import { createLogger, createServiceContext } from '../app.ts';
import { readRecordOfProcessing } from '../features/processing/read-record-of-processing.ts';
import {
  renderRecordOfProcessingCsv,
  renderRecordOfProcessingMarkdown,
} from '../features/processing/record-of-processing.rules.ts';
import { withDatabase } from './with-database.ts';

export const ropaFormats = ['md', 'csv'] as const;
export type RopaFormat = (typeof ropaFormats)[number];

/**
 * `ward ropa [--format md|csv]`: print the record of processing activities (UK GDPR Article 30,
 * ADR 30) from the live configuration and the disclosure log, for the privacy officer to keep.
 */
export async function ropa(config: Config, options: { format: RopaFormat }): Promise<void> {
  await withDatabase(config, async (db) => {
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const record = await readRecordOfProcessing(ctx, { mfaRequired: config.mfaRequired });
    process.stdout.write(
      options.format === 'csv' ? renderRecordOfProcessingCsv(record) : renderRecordOfProcessingMarkdown(record),
    );
  });
}
