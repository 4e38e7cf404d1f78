import { randomUUID } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionHold } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { createMailer, outboxDirIn } from '../src/features/mail/mailer.ts';
import { sweepOutbox } from '../src/features/retention/sweep-outbox.ts';
import { expiresAt } from '../src/features/retention/retention.rules.ts';
import { retentionQueue } from '../src/features/retention/retention-job.ts';
import { loadSubjectKeys } from '../src/features/crypto/subject-keys.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';

// Far in the future, so the hourly job (on the real clock) never touches these emails: only the
// sweeps below, with their own clock, do.
const written31January = new Date('2099-01-31T10:00:00Z');
const lastInstantKept = new Date('2099-02-28T23:59:59.999Z');
const justAfter = new Date('2099-03-01T00:00:00.000Z');

describe('retention of the transcript outbox', () => {
  let t: TestApp;
  let admin: { cookie: string };
  let outbox: string;
  const folder = () => path.join(outbox, t.app.ctx.organisation.id);
  const files = async () => (await readdir(folder()).catch(() => [] as string[])).sort();
  const subjectOf = async (conversationId: string) =>
    (
      await t.app.db
        .selectFrom('conversations')
        .select('data_subject_id')
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow()
    ).data_subject_id;
  /** An outbox email about a chat's resident, written at `writtenAt`. */
  const emailAbout = async (conversationId: string, writtenAt: Date) => {
    const mailer = createMailer({ smtpUrl: null, from: 'chat@demo.example', outboxDir: outbox, now: () => writtenAt });
    const before = new Set(await files());
    const dataSubjectId = await subjectOf(conversationId);
    const key = (await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [dataSubjectId])).get(dataSubjectId)!;
    await mailer.send(
      t.app.ctx.organisation.id,
      { to: 'outbox.qzxvwy@example.com', subject: 'Your chat', text: 'bins qzxvwy' },
      { dataSubjectId, key },
    );
    return (await files()).find((f) => !before.has(f))!.replace(/\.json$/, '');
  };
  const sweep = (now: Date, dryRun = false) =>
    sweepOutbox(t.app.db, { outboxDir: outbox, now, jobId: `test-${randomUUID()}`, dryRun });
  const destroyed = (jobId: string) =>
    t.app.db.selectFrom('destruction_log').select(['category', 'count', 'rule']).where('job_id', '=', jobId).execute();

  beforeAll(async () => {
    t = await startTestApp();
    outbox = outboxDirIn(t.config.dataDir);
    admin = await t.signUpStaff({ role: 'admin' });
  });
  afterAll(async () => t?.close());

  it('keeps an email written on 31 January through 28 February (London), then deletes it, audited and logged', async () => {
    const chat = await t.startChat();
    const id = await emailAbout(chat.conversationId, written31January);

    const kept = await sweep(lastInstantKept);
    expect(kept[0]?.outcome).toMatchObject({ category: 'emails', count: 0 });
    expect(await files()).toContain(`${id}.json`);

    const dry = await sweep(justAfter, true);
    expect(dry[0]?.outcome).toEqual({
      category: 'emails',
      rule: 'emails: 1 month',
      unit: 'emails',
      count: 1,
      oldestExpiry: lastInstantKept,
    });
    expect(await files()).toContain(`${id}.json`);

    const jobId = `test-${randomUUID()}`;
    const swept = await sweepOutbox(t.app.db, { outboxDir: outbox, now: justAfter, jobId });
    expect(swept[0]?.outcome.count).toBe(1);
    expect(await files()).not.toContain(`${id}.json`);
    expect(await destroyed(jobId)).toEqual([{ category: 'emails', count: 1, rule: 'emails: 1 month' }]);
    const audit = await t.app.db.selectFrom('audit_events').selectAll().where('record_id', '=', id).execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actor_kind: 'system',
        action: 'delete',
        purpose: 'retention',
        record_type: 'outbox_email',
        data_subject_id: await subjectOf(chat.conversationId),
        fields: ['to', 'subject', 'text'],
        reason: `emails: 1 month (run ${jobId})`,
        source: 'system',
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('qzxvwy');
  });

  it('keeps the emails of a resident a hold touches until it is lifted', async () => {
    const heldChat = await t.startChat();
    const freeChat = await t.startChat();
    const held = await emailAbout(heldChat.conversationId, written31January);
    const free = await emailAbout(freeChat.conversationId, written31January);
    // A hold on the conversation (not the resident): the email names only the resident, and is kept too.
    const placed = await fetch(`${t.url}/api/retention/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie },
      body: JSON.stringify({ conversationId: heldChat.conversationId, reason: 'Complaint to the Ombudsman' }),
    });
    expect(placed.status).toBe(201);
    const { hold } = (await placed.json()) as { hold: RetentionHold };

    expect((await sweep(justAfter))[0]?.outcome.count).toBe(1);
    expect(await files()).toContain(`${held}.json`);
    expect(await files()).not.toContain(`${free}.json`);

    const lifted = await fetch(`${t.url}/api/retention/holds/${hold.id}/lift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie },
      body: '{}',
    });
    expect(lifted.status).toBe(200);
    expect((await sweep(justAfter))[0]?.outcome.count).toBe(1);
    expect(await files()).not.toContain(`${held}.json`);
  });

  it('leaves recent emails and files that are not outbox emails, and the admin outbox shows what is left', async () => {
    const chat = await t.startChat();
    const recent = await emailAbout(chat.conversationId, new Date());
    await writeFile(path.join(folder(), 'README.txt'), 'not an email');
    expect((await sweep(new Date()))[0]?.outcome.count).toBe(0);
    expect((await sweep(new Date('2199-01-01T00:00:00Z'), true))[0]?.outcome.count).toBe(1);
    expect(await files()).toEqual(['README.txt', `${recent}.json`].sort());
    expect(expiresAt(new Date(), t.app.ctx.organisation.settings.retention.emails).getTime()).toBeGreaterThan(
      Date.now(),
    );
    const listed = await fetch(`${t.url}/api/outbox`, { headers: { cookie: admin.cookie } });
    expect(((await listed.json()) as { emails: Array<{ id: string }> }).emails.map((e) => e.id)).toEqual([recent]);
  });

  it('destroys a chat’s transcript email, and stops showing it, once retention deletes the chat’s personal data', async () => {
    const staff = await t.signUpStaff();
    const chat = await t.startChat({ name: 'Transcripta Qzxvwy', email: 'transcript.qzxvwy@example.com' });
    const agent = await t.agentSocket(staff.cookie);
    await agent.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    await agent.emitWithAck('message:send', {
      conversationId: chat.conversationId,
      clientMessageId: randomUUID(),
      body: 'Your bin will be collected on Friday',
    });
    await agent.emitWithAck('conversation:end', { conversationId: chat.conversationId, summary: 'Missed bin' });
    agent.disconnect();
    const before = new Set(await files());
    const asked = await fetch(`${t.url}/api/visitor/conversation/transcript`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.visitorToken}` },
      body: JSON.stringify({ email: 'transcript.qzxvwy@example.com' }),
    });
    expect(asked.status).toBeLessThan(300);
    // The transcript job writes the email to the outbox.
    let transcript: string | undefined;
    for (let attempt = 0; attempt < 100 && !transcript; attempt++) {
      transcript = (await files()).find((f) => !before.has(f))?.replace(/\.json$/, '');
      if (!transcript) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(transcript).toBeDefined();
    const outboxIds = async () =>
      (
        (await (await fetch(`${t.url}/api/outbox`, { headers: { cookie: admin.cookie } })).json()) as {
          emails: Array<{ id: string; to: string }>;
        }
      ).emails.map((e) => e.id);
    expect(await outboxIds()).toContain(transcript);

    // The chat ended long ago: its contact details are past their period, the email (written today) is not.
    await t.app.db
      .updateTable('conversations')
      .set({ ended_at: new Date('2000-01-31T10:00:00Z') })
      .where('id', '=', chat.conversationId)
      .execute();
    const now = new Date();
    const jobId = `test-${randomUUID()}`;
    await runRetention(t.app.ctx, { now, jobId });
    // Hidden at once, before the sweep of the same run deletes the file.
    expect(await outboxIds()).not.toContain(transcript);
    const swept = await sweepOutbox(t.app.db, { outboxDir: outbox, now, jobId });
    expect(swept[0]?.outcome.count).toBeGreaterThanOrEqual(1);
    expect(await files()).not.toContain(`${transcript}.json`);
    expect(await outboxIds()).not.toContain(transcript);
    const audit = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'reason'])
      .where('record_id', '=', transcript!)
      .where('action', '=', 'delete')
      .execute();
    expect(audit).toEqual([
      { action: 'delete', purpose: 'retention', reason: `the chat’s personal data was deleted (run ${jobId})` },
    ]);
  });

  it('is swept by the hourly retention job, on the job’s clock', { timeout: 60_000 }, async () => {
    const chat = await t.startChat();
    const old = await emailAbout(chat.conversationId, new Date('2000-01-31T10:00:00Z'));
    const boss = new PgBoss({
      connectionString: t.databaseUrl,
      schema: 'ward_jobs',
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      await boss.send(retentionQueue, {});
      for (let attempt = 0; attempt < 100 && (await files()).includes(`${old}.json`); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await boss.stop({ graceful: false });
    }
    expect(await files()).not.toContain(`${old}.json`);
    const logged = await t.app.db
      .selectFrom('destruction_log')
      .select(['count', 'job_id'])
      .where('category', '=', 'emails')
      .where('count', '=', 1)
      .execute();
    expect(logged.some((row) => !row.job_id.startsWith('test-'))).toBe(true);
  });
});
