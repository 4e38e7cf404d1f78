/**
 * The export pack of a rights request (ADR 34): builds a subject with BENCH_EXPORT_CHATS (1,000)
 * chats of BENCH_EXPORT_MESSAGES (4) messages each, all linked to one customer record, through the
 * real verbs (sealed under one key per chat), then times the real `buildExportPack` (read and open
 * every item, data.json, CSVs, report.html, report.pdf, ZIP, sealed store, an audit entry per
 * contact) BENCH_EXPORT_RUNS (3) times and prints the figures. `npm run bench:rights`; embedded
 * PostgreSQL unless WARD_BENCH_DATABASE_URL. A figure to record, never a test that fails.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger, createServiceContext } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { startConversation } from '../src/features/conversations/start-conversation.ts';
import { sendMessage } from '../src/features/conversations/send-message.ts';
import { createRecord } from '../src/features/records/create-record.ts';
import { buildExportPack } from '../src/features/rights/build-export-pack.ts';
import { logRightsRequest } from '../src/features/rights/log-rights-request.ts';
import { addScopeRoot } from '../src/features/rights/subject-scope.repository.ts';
import type { StaffPrincipal } from '../src/shared/service-context.ts';
import { provideDatabase } from './database.ts';

const chats = Number(process.env.BENCH_EXPORT_CHATS ?? 1_000);
const messagesPerChat = Number(process.env.BENCH_EXPORT_MESSAGES ?? 4);
const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const lines = [
  'Hello, my bin was not collected on Tuesday morning.',
  'Thank you, I can see the collection was missed. I will book a return visit.',
  'Will it be today? The bin is full and the foxes have been at it again.',
  'It will be tomorrow before noon. Your case reference is on this chat.',
];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-bench-export-'));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const database = await provideDatabase(process.env.WARD_BENCH_DATABASE_URL, dataDir);
  const config = loadConfig({
    WARD_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    WARD_KEK: `k1:${randomBytes(32).toString('base64')}`,
    WARD_INDEX_KEY: randomBytes(32).toString('base64'),
    WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
    WARD_LOG_LEVEL: 'silent',
  });
  const { db } = createDb(database.url, 8);
  try {
    console.log(`Export pack: one resident with ${chats.toLocaleString('en-GB')} chats of ${messagesPerChat} messages`);
    console.log(`Database: ${database.description}`);
    await migrateToLatest(db);
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const officerRow = await db
      .insertInto('staff')
      .values({
        organisation_id: ctx.organisation.id,
        email: 'bench.officer@council.example',
        first_name: 'Bench',
        last_name: 'Officer',
        role: 'privacy_officer',
        password_hash: 'x',
        departments: [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const officer: StaffPrincipal = {
      id: officerRow.id,
      organisationId: ctx.organisation.id,
      email: 'bench.officer@council.example',
      firstName: 'Bench',
      lastName: 'Officer',
      role: 'privacy_officer',
      source: '127.0.0.0',
    };

    let started = performance.now();
    const record = await db.transaction().execute((tx) =>
      createRecord(tx, ctx, {
        createdBy: 'system:bench',
        details: [
          { kind: 'name', name: 'Bench Resident' },
          { kind: 'email', address: 'bench.resident@example.com' },
        ],
      }),
    );
    const conversationIds: string[] = [];
    for (let from = 0; from < chats; from += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, chats - from) }, async () => {
          const chat = await startConversation(
            ctx,
            { name: 'Bench Resident', email: 'bench.resident@example.com', topic: 'bins', consent: true },
            { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
          );
          for (let m = 0; m < messagesPerChat; m++)
            await sendMessage(
              ctx,
              chat.conversationId,
              { kind: 'visitor' },
              {
                clientMessageId: randomUUID(),
                body: lines[m % lines.length]!,
              },
            );
          conversationIds.push(chat.conversationId);
        }),
      );
    }
    // What staff do chat by chat ("link to this record"), in one statement for the set-up.
    await db
      .updateTable('cases')
      .set({ record_id: record.recordId })
      .where('conversation_id', 'in', conversationIds)
      .execute();
    const request = await logRightsRequest(ctx, officer, {
      type: 'access',
      receivedOn: new Date().toISOString().slice(0, 10),
      channel: 'email',
      requesterName: 'Bench Resident',
      requesterContact: 'bench.resident@example.com',
      identityMethod: 'not-checked',
      caseReference: null,
      identityNote: null,
    });
    await addScopeRoot(db, {
      organisationId: ctx.organisation.id,
      requestId: request.id,
      root: { kind: 'customer-record', id: record.recordId },
      confirmedBy: officer.id,
    });
    console.log(`Set up in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const delivery = {
      linkDays: 7,
      linkDownloads: 3,
      publicUrl: 'http://127.0.0.1',
      mailer: { kind: 'outbox' as const, send: async () => {} },
    };
    const seconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      const pack = await buildExportPack({ ctx, delivery }, officer, request.id);
      seconds.push((performance.now() - started) / 1000);
      if (run === 0)
        console.log(
          `Pack: ${(pack.size / 1024 / 1024).toFixed(1)} MiB ZIP; ${Object.entries(pack.counts ?? {})
            .map(([kind, count]) => `${count} ${kind}`)
            .join(', ')}`,
        );
      console.log(`  build ${run + 1}: ${seconds[run]!.toFixed(2)} s`);
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    console.log(
      `Build the export pack: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s over ${runs} runs`,
    );
  } finally {
    await db.destroy();
    await database.drop();
  }
}

await main();
