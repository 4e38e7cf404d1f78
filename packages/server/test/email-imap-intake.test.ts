import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CaseEmailsResponse } from '@ward/protocol';
import { loadConfig, type MailIntakeConfig } from '../src/config.ts';
import { createImapPoller } from '../src/transport/mail-intake/imap-intake.ts';
import { startMailIntake } from '../src/transport/mail-intake/start-mail-intake.ts';
import { createLogger } from '../src/app.ts';
import { freePort } from '../src/shared/free-port.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startImapServer, type ImapTestServer } from './support/imap-server.ts';

/**
 * The IMAP alternative to the SMTP listener (ADR 17) against a real, private Dovecot
 * (support/imap-server.ts): messages are put into the mailbox with IMAP APPEND, Ward polls it
 * as configured by WARD_IMAP_URL, and the mailbox's flags are read back from the server.
 */

// Values no real email would contain: finding one in Ward's log means it leaked (`qzxvwy` is
// also one of the run-wide log canaries, support/log-canaries.ts).
const canaries = {
  sender: 'imap.resident.qzxvwy@example.net',
  subject: 'Streetlight out qzxvwy',
  body: 'The streetlight outside number 12 has been out for a week qzxvwy',
};

const env = (imapUrl: string, more: Record<string, string> = {}) => ({
  WARD_IMAP_URL: imapUrl,
  WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example',
  WARD_MAIL_MAX_MESSAGE_BYTES: String(50 * 1024),
  WARD_MAIL_MAX_ATTACHMENT_BYTES: String(20 * 1024),
  // Ward polls at start; the tests ask for the later polls themselves so none overlaps them.
  WARD_IMAP_POLL_SECONDS: '3600',
  ...more,
});

const raw = (mail: Mail.Options) =>
  new MailComposer({ to: 'contact@council.example', messageId: `<${randomUUID()}@example.net>`, ...mail })
    .compile()
    .build();

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | false | null | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('email intake from an IMAP mailbox (a real Dovecot)', () => {
  let imap: ImapTestServer;
  let t: TestApp;
  let intake: MailIntakeConfig;
  const uids: Record<'first' | 'noSender' | 'oversized' | 'alreadySeen', number> = {
    first: 0,
    noSender: 0,
    oversized: 0,
    alreadySeen: 0,
  };

  beforeAll(async () => {
    imap = await startImapServer();
    // Waiting in the mailbox before Ward starts: its first poll, at start, takes them.
    uids.first = await imap.deliver(
      await raw({ from: `"Resident" <${canaries.sender}>`, subject: canaries.subject, text: canaries.body }),
    );
    uids.noSender = await imap.deliver(await raw({ subject: 'No sender qzxvwy', text: 'anonymous qzxvwy' }));
    uids.oversized = await imap.deliver(
      await raw({ from: 'big.qzxvwy@example.net', subject: 'Huge qzxvwy', text: 'x'.repeat(60 * 1024) }),
    );
    uids.alreadySeen = await imap.deliver(
      await raw({ from: 'read.qzxvwy@example.net', subject: 'Read already qzxvwy', text: 'a person dealt with this' }),
      { flags: ['\\Seen'] },
    );
    t = await startTestApp({ env: env(imap.url) });
    intake = t.config.mailIntake!;
  });
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
    // Into the run's log folder too, so the search after the run (check-test-logs.ts) covers it.
    await mkdir(inject('logDir'), { recursive: true });
    await appendFile(path.join(inject('logDir'), `email-imap-intake-${randomUUID()}.log`), logLines.join(''));
  });

  // What the intakes these tests start log, through Ward's own logger settings (serializers,
  // redaction). Ward's first poll logs to the test app's log file, searched after the run.
  const logLines: string[] = [];
  const logger = createLogger({ logLevel: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const logged = (start: string) =>
    waitFor(`"${start}…" in the log`, async () =>
      logLines
        .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { code?: string } })
        .find((l) => l.msg.startsWith(start)),
    );
  const emailCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('emails')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const flagsOf = async (uid: number, mailbox = 'INBOX') =>
    (await imap.messages(mailbox)).find((m) => m.uid === uid)?.flags;
  /** One poll, as Ward's timer runs it: a fresh connection from WARD_IMAP_URL. */
  const poll = (settings: MailIntakeConfig = intake) =>
    createImapPoller(t.app.ctx, settings, settings.imap!, logger).pollOnce();

  async function emailsOf(caseId: string): Promise<CaseEmailsResponse['emails']> {
    const { cookie } = await t.signUpStaff();
    const response = await fetch(`${t.url}/api/cases/${caseId}/emails`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return ((await response.json()) as CaseEmailsResponse).emails;
  }

  it('takes what waits in the mailbox when Ward starts: a record and a case, \\Seen once stored; refused ones flagged, not stored', async () => {
    await waitFor(
      'the first poll',
      async () =>
        (await flagsOf(uids.first))?.includes('\\Seen') && (await flagsOf(uids.oversized))?.includes('$WardRefused'),
    );

    const cases = await t.app.db.selectFrom('cases').selectAll().where('channel', '=', 'email').execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ topic: 'Email', department_id: 'customer-services', created_by: 'system:email' });
    expect(cases[0]!.record_id).not.toBeNull();
    const emails = await emailsOf(cases[0]!.id);
    expect(emails.map((e) => [e.direction, e.from, e.to, e.subject, e.body])).toEqual([
      ['in', canaries.sender, 'contact@council.example', canaries.subject, canaries.body],
    ]);
    expect(await emailCount()).toBe(1);

    expect(await imap.messages()).toEqual([
      { uid: uids.first, flags: ['\\Seen'], subject: canaries.subject },
      { uid: uids.noSender, flags: ['$WardRefused', '\\Seen'], subject: 'No sender qzxvwy' },
      { uid: uids.oversized, flags: ['$WardRefused', '\\Seen'], subject: 'Huge qzxvwy' },
      { uid: uids.alreadySeen, flags: ['\\Seen'], subject: 'Read already qzxvwy' },
    ]);
  });

  it('puts a message quoting a case reference on that case, and never stores a message twice', async () => {
    const theCase = await t.app.db
      .selectFrom('cases')
      .select(['id', 'case_reference'])
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const reply = await imap.deliver(
      await raw({
        from: canaries.sender,
        subject: `RE: Streetlight [${theCase.case_reference.toLowerCase()}]`,
        text: 'Still dark qzxvwy',
      }),
    );
    await poll();
    expect(await flagsOf(reply)).toEqual(['\\Seen']);
    expect(await t.app.db.selectFrom('cases').select('id').where('channel', '=', 'email').execute()).toHaveLength(1);
    expect((await emailsOf(theCase.id)).map((e) => e.body)).toEqual([canaries.body, 'Still dark qzxvwy']);

    // A poll with nothing new stores nothing.
    await poll();
    expect(await emailCount()).toBe(2);

    // The flag lost after the commit (a crash between the two): fetched again, recognised by
    // its Message-ID, marked, and not stored twice.
    await imap.removeFlags(reply, ['\\Seen']);
    await poll();
    expect(await emailCount()).toBe(2);
    expect(await flagsOf(reply)).toEqual(['\\Seen']);
  });

  it('leaves a message unseen when it could not be stored, and takes it at the next poll', async () => {
    // The database refusing the insert stands in for any passing failure.
    await sql`CREATE FUNCTION ward_test_refuse_emails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'emails unavailable for this test'; END $$`.execute(
      t.ownerDb,
    );
    await sql`CREATE TRIGGER ward_test_refuse_emails BEFORE INSERT ON emails FOR EACH ROW EXECUTE FUNCTION ward_test_refuse_emails()`.execute(
      t.ownerDb,
    );
    const uid = await imap.deliver(
      await raw({ from: 'later.qzxvwy@example.net', subject: 'Bins qzxvwy', text: 'Not collected qzxvwy' }),
    );
    try {
      await poll();
      expect(await emailCount()).toBe(2);
      expect(await flagsOf(uid)).toEqual([]);
    } finally {
      await sql`DROP TRIGGER ward_test_refuse_emails ON emails`.execute(t.ownerDb);
      await sql`DROP FUNCTION ward_test_refuse_emails()`.execute(t.ownerDb);
    }
    await poll();
    expect(await emailCount()).toBe(3);
    expect(await flagsOf(uid)).toEqual(['\\Seen']);
  });

  it('marks a message \\Seen only once its email is committed', async () => {
    // Another session holds the emails table: Ward's insert waits, mid-transaction, until it lets go.
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE emails IN SHARE MODE');
      const uid = await imap.deliver(
        await raw({ from: 'waiting.qzxvwy@example.net', subject: 'Hedge qzxvwy', text: 'Overgrown qzxvwy' }),
      );
      const polling = poll();
      // Asked outside the holder's transaction, which would see one snapshot of the activity.
      await waitFor('Ward’s insert to wait for the lock', async () => {
        const waiting = await sql<{
          pid: number;
        }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into "emails"%'`.execute(
          t.app.db,
        );
        return waiting.rows.length > 0;
      });
      expect(await flagsOf(uid)).toEqual([]); // being stored, not committed: still unseen
      await holder.query('COMMIT');
      await polling;
      expect(await flagsOf(uid)).toEqual(['\\Seen']);
      expect(await emailCount()).toBe(4);
    } finally {
      await holder.end();
    }
  });

  it('moves stored messages to WARD_IMAP_PROCESSED_MAILBOX, creating it the first time', async () => {
    const withProcessed = loadConfig({
      ...env(imap.url, { WARD_IMAP_PROCESSED_MAILBOX: 'Processed' }),
      WARD_DATA_DIR: t.config.dataDir,
    }).mailIntake!;
    const subject = `Graffiti qzxvwy ${randomUUID()}`;
    const uid = await imap.deliver(
      await raw({ from: 'graffiti.qzxvwy@example.net', subject, text: 'On the bridge qzxvwy' }),
    );
    const started = await startMailIntake(t.app.ctx, withProcessed, logger);
    try {
      await waitFor('the message to be moved', async () =>
        (await imap.messages('INBOX').catch(() => [])).every((m) => m.uid !== uid),
      );
    } finally {
      await started.close();
    }
    expect(await emailCount()).toBe(5);
    expect((await imap.messages('Processed')).map((m) => m.subject)).toEqual([subject]);

    // The mailbox now exists: the next message goes the same way.
    const next = await imap.deliver(
      await raw({ from: 'graffiti.qzxvwy@example.net', subject: `${subject} again`, text: 'And the underpass qzxvwy' }),
    );
    await poll(withProcessed);
    expect((await imap.messages()).some((m) => m.uid === next)).toBe(false);
    expect((await imap.messages('Processed')).map((m) => m.subject)).toEqual([subject, `${subject} again`]);
    expect(await emailCount()).toBe(6);
  });

  it(
    'logs a clear error when the server refuses the sign-in or is down, carries on, and recovers',
    { timeout: 60_000 },
    async () => {
      const wrongPassword = new URL(imap.url);
      wrongPassword.password = 'not-the-password-qzxvwy';
      const refused = await startMailIntake(
        t.app.ctx,
        loadConfig({ ...env(wrongPassword.toString()), WARD_DATA_DIR: t.config.dataDir }).mailIntake!,
        logger,
      );
      expect(await logged('IMAP sign-in refused: check the user and password in WARD_IMAP_URL')).toMatchObject({
        level: 50,
      });
      await refused.close();

      // A server that is down: nothing listens on the port yet, then Dovecot starts there, and
      // the next poll (WARD_IMAP_POLL_SECONDS later, no restart) takes the waiting message.
      const port = await freePort();
      const downUrl = new URL(imap.url);
      downUrl.port = String(port);
      const down = await startMailIntake(
        t.app.ctx,
        loadConfig({ ...env(downUrl.toString(), { WARD_IMAP_POLL_SECONDS: '10' }), WARD_DATA_DIR: t.config.dataDir })
          .mailIntake!,
        logger,
      );
      let later: ImapTestServer | null = null;
      try {
        expect(await logged('IMAP server not reachable: check the host and port in WARD_IMAP_URL')).toMatchObject({
          level: 50,
          err: { code: 'ECONNREFUSED' },
        });
        expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
        later = await startImapServer({ port });
        const uid = await later.deliver(
          await raw({
            from: 'recovered.qzxvwy@example.net',
            subject: 'Recovered qzxvwy',
            text: 'Arrived while the server was down qzxvwy',
          }),
        );
        await waitFor(
          'the next poll',
          async () => (await later!.messages()).find((m) => m.uid === uid)?.flags.includes('\\Seen'),
          30_000,
        );
      } finally {
        await down.close();
        await later?.stop();
      }
      expect(await emailCount()).toBe(7);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    },
  );

  it('logs none of the residents’ data, nor the mailbox password', async () => {
    const log = logLines.join('');
    expect(log).toContain('IMAP'); // the log is real
    for (const value of [...Object.values(canaries), 'qzxvwy', imap.password])
      expect(log.toLowerCase()).not.toContain(value.toLowerCase());
  });
});
