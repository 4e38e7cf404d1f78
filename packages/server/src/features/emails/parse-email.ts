import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { fileTypeFromBuffer } from 'file-type';
import type { RefusedAttachment } from '@ward/protocol';
import { decideAttachment, looksLikePlainText, type AttachmentLimits } from './attachment-policy.rules.ts';

export type KeptAttachment = { filename: string; mediaType: string; content: Buffer };

export type ParsedEmail = {
  messageId: string;
  from: { address: string; name: string | null } | null;
  /** Every address the email was sent to (To and Cc), lower-case. */
  recipients: string[];
  subject: string;
  /** Plain text: the text part, or the HTML part converted to text by mailparser. Never HTML. */
  text: string;
  attachments: KeptAttachment[];
  refused: RefusedAttachment[];
};

/** A body longer than this is cut: no resident writes one, and it bounds what is sealed and shown. */
export const maxBodyChars = 100_000;

/**
 * Parses a raw message (RFC 5322) as received by SMTP or fetched over IMAP. The HTML part is
 * only ever converted to text, never kept; attachments are checked by their content.
 */
export async function parseEmail(raw: Buffer, limits: AttachmentLimits): Promise<ParsedEmail> {
  const parsed = await simpleParser(raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    keepCidLinks: false,
  });
  const sender = parsed.from?.value.find((a) => a.address);
  const addressesOf = (field: typeof parsed.to) =>
    (Array.isArray(field) ? field : field ? [field] : [])
      .flatMap((list) => list.value.map((a) => (a.address ?? '').toLowerCase()))
      .filter(Boolean);
  const attachments: KeptAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  for (const [position, attachment] of parsed.attachments.entries()) {
    const content = attachment.content;
    const tooLarge = content.length > limits.maxAttachmentBytes || position >= limits.maxAttachments;
    const detected = tooLarge ? undefined : await fileTypeFromBuffer(content);
    const decision = decideAttachment(
      {
        filename: attachment.filename ?? null,
        size: content.length,
        detected: detected ? { ext: detected.ext, mime: detected.mime } : null,
        plainText: !tooLarge && !detected && looksLikePlainText(content),
      },
      position,
      limits,
    );
    if (decision.kept) attachments.push({ filename: decision.filename, mediaType: decision.mediaType, content });
    else refused.push({ filename: decision.filename, reason: decision.reason });
  }
  const text = (parsed.text ?? '').replace(/\r\n?/g, '\n').trim();
  return {
    // A message without a Message-ID is recognised on retry by its exact bytes.
    messageId: parsed.messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@content.ward>`,
    from: sender?.address ? { address: sender.address.trim().toLowerCase(), name: sender.name?.trim() || null } : null,
    recipients: [...addressesOf(parsed.to), ...addressesOf(parsed.cc)],
    subject: (parsed.subject ?? '')
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .slice(0, 1000),
    text: text.length > maxBodyChars ? `${text.slice(0, maxBodyChars)}\n[…the rest of this email was not kept]` : text,
    attachments,
    refused,
  };
}
