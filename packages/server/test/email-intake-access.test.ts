import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { startSmtpIntake } from '../src/transport/mail-intake/smtp-intake.ts';
import type { MailIntakeConfig } from '../src/config.ts';

describe('who may hand email to the SMTP listener', () => {
  let t: TestApp;
  const listeners: Array<{ close: () => Promise<void> }> = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.close()));
    await t?.close();
  });

  async function listener(smtp: Partial<NonNullable<MailIntakeConfig['smtp']>>): Promise<number> {
    const settings = { host: '127.0.0.1', port: 0, auth: null, allowedIps: [], tls: null, ...smtp };
    const intake: MailIntakeConfig = {
      addresses: ['contact@council.example'],
      maxMessageBytes: 100_000,
      maxAttachmentBytes: 50_000,
      smtp: settings,
      imap: null,
    };
    const started = await startSmtpIntake(t.app.ctx, intake, settings, t.app.logger);
    listeners.push(started);
    return started.port;
  }
  const send = (port: number, auth?: { user: string; pass: string }) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) })
      .sendMail({
        from: 'relay.test@example.net',
        to: 'contact@council.example',
        subject: 'Hello',
        text: 'Hi',
        messageId: `<${randomUUID()}@example.net>`,
      });
  const count = async () => (await t.app.db.selectFrom('emails').select('id').execute()).length;

  it('refuses a relay whose address is not allowed', async () => {
    const port = await listener({ allowedIps: ['192.0.2.0/24'] });
    await expect(send(port)).rejects.toMatchObject({ responseCode: 554 });
    const open = await listener({ allowedIps: ['10.0.0.0/8', '127.0.0.1'] });
    const before = await count();
    await send(open);
    expect(await count()).toBe(before + 1);
  });

  it('requires the relay to sign in when a user is configured', async () => {
    const port = await listener({ auth: { user: 'relay', password: 'a long relay password' } });
    const before = await count();
    await expect(send(port)).rejects.toMatchObject({ responseCode: 530 });
    await expect(send(port, { user: 'relay', pass: 'wrong password here' })).rejects.toMatchObject({
      responseCode: 535,
    });
    expect(await count()).toBe(before);
    await send(port, { user: 'relay', pass: 'a long relay password' });
    expect(await count()).toBe(before + 1);
  });
});
