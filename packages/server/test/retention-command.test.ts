import { randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { runWard } from './support/ward-process.ts';
import { createMailer, outboxDirIn } from '../src/features/mail/mailer.ts';

const kek = `kek-retention:${randomBytes(32).toString('base64')}`;

describe('ward retention run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_KEK: kek } });
    // This test uses the real clock: keep the hourly job from running in the middle of it.
    const boss = new PgBoss({
      connectionString: t.databaseUrl,
      schema: 'ward_jobs',
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.unschedule('retention');
    await boss.stop({ graceful: false });
  });
  afterAll(async () => t?.close());

  it(
    'lists what is due with --dry-run and deletes nothing; without it, deletes and prints the counts',
    { timeout: 60_000 },
    async () => {
      const { db } = t.app;
      const chat = await t.startChat({ name: 'Commandline Qzxvwy' });
      const visitor = await t.visitorSocket(chat.visitorToken);
      await visitor.emitWithAck('message:send', {
        clientMessageId: randomUUID(),
        body: 'please collect my sofa qzxvwy',
      });
      await visitor.emitWithAck('conversation:end', {});
      visitor.disconnect();
      await db
        .updateTable('conversations')
        .set({ ended_at: new Date('2000-01-31T15:00:00Z') })
        .where('id', '=', chat.conversationId)
        .execute();
      const messages = () =>
        db.selectFrom('messages').select('seq').where('conversation_id', '=', chat.conversationId).execute();
      const env = {
        DATABASE_URL: t.databaseUrl,
        WARD_KEK: kek,
        WARD_INDEX_KEY: randomBytes(32).toString('base64'),
        WARD_DATA_DIR: t.config.dataDir,
      };
      // A transcript email written to the outbox on the same day the chat ended.
      const { data_subject_id } = await db
        .selectFrom('conversations')
        .select('data_subject_id')
        .where('id', '=', chat.conversationId)
        .executeTakeFirstOrThrow();
      const outbox = outboxDirIn(t.config.dataDir);
      const mailer = createMailer({
        smtpUrl: null,
        from: 'chat@demo.example',
        outboxDir: outbox,
        now: () => new Date('2000-01-31T15:00:00Z'),
      });
      await mailer.send(
        t.app.ctx.organisation.id,
        { to: 'sofa.qzxvwy@example.com', subject: 'Your chat', text: 'sofa qzxvwy' },
        { dataSubjectId: data_subject_id, key: randomBytes(32) },
      );
      const outboxFiles = () => readdir(path.join(outbox, t.app.ctx.organisation.id));

      const dry = await runWard(['retention', 'run', '--dry-run'], env);
      expect(dry.stderr).toBe('');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('Dry run: nothing was deleted');
      // 2000 was a leap year: 31 January is kept through 29 February.
      expect(dry.stdout).toMatch(
        /chat-transcripts\s+2 messages\s+\(chat-transcripts: 1 month, oldest expired 2000-02-29 23:59:59 UTC\)/,
      );
      expect(dry.stdout).toMatch(/contact-summaries\s+1 conversation\s/);
      expect(dry.stdout).toMatch(/emails\s+1 email\s+\(emails: 1 month, oldest expired 2000-02-29 23:59:59 UTC\)/);
      expect(await outboxFiles()).toHaveLength(1);
      for (const personal of ['qzxvwy', chat.caseReference, chat.conversationId])
        expect(dry.stdout.toLowerCase()).not.toContain(personal.toLowerCase());
      expect(await messages()).toHaveLength(2);
      expect(await db.selectFrom('destruction_log').selectAll().execute()).toEqual([]);
      const untouched = await db
        .selectFrom('conversations')
        .select(['summary', 'ip_address', 'personal_data_deleted_at'])
        .where('id', '=', chat.conversationId)
        .executeTakeFirstOrThrow();
      expect(untouched.personal_data_deleted_at).toBeNull();
      expect(untouched.ip_address).not.toBeNull();

      const real = await runWard(['retention', 'run'], env);
      expect(real.code).toBe(0);
      expect(real.stdout).toMatch(/chat-transcripts\s+2 messages/);
      expect(real.stdout).toMatch(/contact-summaries\s+1 conversation\s/);
      expect(real.stdout).toMatch(/emails\s+1 email\s/);
      expect(await outboxFiles()).toEqual([]);
      expect(real.stdout.toLowerCase()).not.toContain('qzxvwy');
      expect(await messages()).toEqual([]);
      const log = await db.selectFrom('destruction_log').select(['category', 'unit', 'count', 'rule']).execute();
      const key = (row: { category: string; unit: string | null }) => `${row.category}/${row.unit ?? ''}`;
      expect(log.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))).toEqual([
        { category: 'chat-transcripts', unit: null, count: 2, rule: 'chat-transcripts: 1 month' },
        {
          category: 'consent-evidence',
          unit: null,
          count: 0,
          rule: 'consent-evidence: 1 month, and not before its transcript (1 month)',
        },
        // The reports' contact events (ADR 36): today's, so none expired.
        { category: 'contact-events', unit: 'events', count: 0, rule: 'contact-events: 25 months' },
        // The conversation, then the cases and the form answers (every ready form keeps the default category).
        { category: 'contact-summaries', unit: null, count: 1, rule: 'contact-summaries: 1 month' },
        { category: 'contact-summaries', unit: 'cases', count: 0, rule: 'contact-summaries: 1 month' },
        { category: 'contact-summaries', unit: 'form submissions', count: 0, rule: 'contact-summaries: 1 month' },
        { category: 'customer-records', unit: 'records', count: 0, rule: 'customer-records: 24 months' },
        // The outbox email, then the emails on cases and their attachments.
        { category: 'emails', unit: null, count: 1, rule: 'emails: 1 month' },
        { category: 'emails', unit: 'attachments', count: 0, rule: 'emails: 1 month' },
        { category: 'emails', unit: 'emails', count: 0, rule: 'emails: 1 month' },
        { category: 'survey-answers', unit: null, count: 0, rule: 'survey-answers: 12 months' },
      ]);

      const again = await runWard(['retention', 'run', '--dry-run'], env);
      expect(again.stdout).toMatch(/chat-transcripts\s+0 messages/);
      const wrong = await runWard(['retention'], env);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('Did you mean "ward retention run"?');
    },
  );
});
