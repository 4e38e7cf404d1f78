import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  decideAttachment,
  looksLikePlainText,
  safeFilename,
} from '../src/features/emails/attachment-policy.rules.ts';
import { replyReferences, replySubject } from '../src/features/emails/reply-subject.rules.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

const limits = { maxAttachmentBytes: 1000, maxAttachments: 2 };
const pdf = { ext: 'pdf', mime: 'application/pdf' };

describe('which attachments are kept', () => {
  it('keeps an allowed type whose name agrees with its content', () => {
    expect(decideAttachment({ filename: 'letter.PDF', size: 10, detected: pdf, plainText: false }, 0, limits)).toEqual({
      kept: true,
      filename: 'letter.PDF',
      mediaType: 'application/pdf',
    });
    expect(
      decideAttachment(
        { filename: 'photo.jpeg', size: 10, detected: { ext: 'jpg', mime: 'image/jpeg' }, plainText: false },
        0,
        limits,
      ),
    ).toMatchObject({ kept: true, mediaType: 'image/jpeg' });
  });

  it('refuses a program renamed as a document, and a document under another type’s name', () => {
    expect(
      decideAttachment(
        {
          filename: 'invoice.pdf',
          size: 10,
          detected: { ext: 'exe', mime: 'application/x-msdownload' },
          plainText: false,
        },
        0,
        limits,
      ),
    ).toMatchObject({ kept: false, reason: 'type-not-allowed' });
    expect(
      decideAttachment({ filename: 'photo.png', size: 10, detected: pdf, plainText: false }, 0, limits),
    ).toMatchObject({ kept: false, reason: 'content-does-not-match-name' });
    expect(
      decideAttachment({ filename: 'page.html', size: 10, detected: null, plainText: true }, 0, limits),
    ).toMatchObject({ kept: false, reason: 'content-does-not-match-name' });
    expect(
      decideAttachment({ filename: 'data.bin', size: 10, detected: null, plainText: false }, 0, limits),
    ).toMatchObject({ kept: false, reason: 'type-not-allowed' });
  });

  it('keeps clean text only as .txt, and names a file that had no extension by its content', () => {
    expect(
      decideAttachment({ filename: 'notes.txt', size: 10, detected: null, plainText: true }, 0, limits),
    ).toMatchObject({ kept: true, mediaType: 'text/plain' });
    expect(decideAttachment({ filename: 'scan', size: 10, detected: pdf, plainText: false }, 0, limits)).toMatchObject({
      kept: true,
      filename: 'scan.pdf',
    });
    expect(decideAttachment({ filename: null, size: 10, detected: pdf, plainText: false }, 1, limits)).toMatchObject({
      kept: true,
      filename: 'attachment-2.pdf',
    });
  });

  it('refuses files over the size limit and past the count limit', () => {
    expect(
      decideAttachment({ filename: 'a.pdf', size: 1001, detected: pdf, plainText: false }, 0, limits),
    ).toMatchObject({ kept: false, reason: 'too-large' });
    expect(decideAttachment({ filename: 'a.pdf', size: 10, detected: pdf, plainText: false }, 2, limits)).toMatchObject(
      { kept: false, reason: 'too-many' },
    );
  });

  it('tells text from binary', () => {
    expect(looksLikePlainText(Buffer.from('Dear council,\r\n\tthe bin…\n'))).toBe(true);
    expect(looksLikePlainText(Buffer.from([0x48, 0x00, 0x49]))).toBe(false);
    expect(looksLikePlainText(Buffer.from([0xff, 0xfe, 0x41]))).toBe(false);
  });

  it('makes filenames safe to show and to download', () => {
    expect(safeFilename('../../etc/passwd', 0)).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\a"b<c>.pdf', 0)).toBe('abc.pdf');
    expect(safeFilename('\u0000..', 3)).toBe('attachment-4');
    expect(safeFilename(`${'x'.repeat(300)}.pdf`, 0)).toMatch(/^x+\.pdf$/);
    expect(safeFilename(`${'x'.repeat(300)}.pdf`, 0).length).toBe(150);
    const header = attachmentDisposition('réponse "finale"\r\n.pdf');
    expect(header).toBe(
      `attachment; filename="r_ponse _finale___.pdf"; filename*=UTF-8''r%C3%A9ponse%20%22finale%22%0D%0A.pdf`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe('reply subjects', () => {
  it('says Re: once and ends with the case reference', () => {
    expect(replySubject('Bins not collected', '4K7M-9P2X')).toBe('Re: Bins not collected [4K7M-9P2X]');
    expect(replySubject('RE: Re: Fwd: Bins [4K7M-9P2X]', '4K7M-9P2X')).toBe('Re: Bins [4K7M-9P2X]');
    expect(replySubject('', '4K7M-9P2X')).toBe('Re: your enquiry [4K7M-9P2X]');
    expect(replySubject('a\r\nBcc: x@example.com', '4K7M-9P2X')).toBe('Re: a Bcc: x@example.com [4K7M-9P2X]');
  });

  it('keeps the thread in References, bounded', () => {
    expect(replyReferences(['<a>', '<b>'], '<c>')).toEqual(['<a>', '<b>', '<c>']);
    const long = Array.from({ length: 30 }, (_, i) => `<${i}>`);
    const refs = replyReferences(long, '<last>');
    expect(refs).toHaveLength(11);
    expect(refs[0]).toBe('<0>');
    expect(refs.at(-1)).toBe('<last>');
  });
});

describe('email intake configuration', () => {
  it('is off unless a listener port or an IMAP mailbox is set', () => {
    expect(loadConfig({}).mailIntake).toBeNull();
    expect(() => loadConfig({ WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' })).toThrow(
      /WARD_MAIL_INTAKE_ADDRESSES is set but email intake is off/,
    );
  });

  it('needs the addresses, and settings that belong together', () => {
    expect(() => loadConfig({ WARD_MAIL_INTAKE_PORT: '2525' })).toThrow(
      /WARD_MAIL_INTAKE_ADDRESSES: name the addresses/,
    );
    expect(() => loadConfig({ WARD_MAIL_INTAKE_PORT: '2525', WARD_MAIL_INTAKE_ADDRESSES: 'not-an-address' })).toThrow(
      ConfigError,
    );
    const base = { WARD_MAIL_INTAKE_PORT: '2525', WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' };
    expect(() => loadConfig({ ...base, WARD_MAIL_INTAKE_USER: 'relay' })).toThrow(/set both/);
    expect(() => loadConfig({ ...base, WARD_MAIL_INTAKE_ALLOWED_IPS: '10.0.0.0/8, nonsense' })).toThrow(
      /WARD_MAIL_INTAKE_ALLOWED_IPS/,
    );
    expect(() =>
      loadConfig({ ...base, WARD_MAIL_MAX_MESSAGE_BYTES: '5000', WARD_MAIL_MAX_ATTACHMENT_BYTES: '6000' }),
    ).toThrow(/must not be larger/);
    expect(() => loadConfig({ WARD_IMAP_URL: 'https://mail.example' })).toThrow(/WARD_IMAP_URL: must look like imaps:/);
  });

  it('reads a complete intake', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      WARD_MAIL_INTAKE_PORT: '2525',
      WARD_MAIL_INTAKE_ADDRESSES: 'Contact@Council.example, fly-tipping@council.example',
      WARD_MAIL_INTAKE_ALLOWED_IPS: '10.0.0.0/8,192.0.2.25,2001:db8::/32',
      WARD_IMAP_URL: 'imaps://intake%40council.example:secret@mail.council.example',
    });
    expect(config.mailIntake).toMatchObject({
      addresses: ['contact@council.example', 'fly-tipping@council.example'],
      maxMessageBytes: 25 * 1024 * 1024,
      maxAttachmentBytes: 10 * 1024 * 1024,
      smtp: {
        host: '0.0.0.0',
        port: 2525,
        auth: null,
        allowedIps: ['10.0.0.0/8', '192.0.2.25', '2001:db8::/32'],
        tls: null,
      },
      imap: { mailbox: 'INBOX', pollSeconds: 60, processedMailbox: null },
    });
  });
});
