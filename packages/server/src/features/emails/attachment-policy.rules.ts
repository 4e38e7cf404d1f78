import type { RefusedAttachmentReason } from '@ward/protocol';

/**
 * Which attachments Ward keeps (ADR 17). Only documents and pictures residents commonly send, and
 * only when the content (detected by file-type, never the sender's stated type) is of an allowed
 * kind and agrees with the file's extension: an .exe renamed .pdf, or a PDF named .png, is refused.
 * Plain text has no signature, so it is kept only as .txt and when it is valid UTF-8 without
 * control characters. Everything else (archives, executables, HTML, SVG, macro-enabled Office
 * files, old .doc/.xls) is refused: they are the usual carriers of malware and scripts.
 */
export const allowedAttachmentTypes: ReadonlyArray<{ ext: string; mime: string; extensions: readonly string[] }> = [
  { ext: 'pdf', mime: 'application/pdf', extensions: ['pdf'] },
  { ext: 'png', mime: 'image/png', extensions: ['png'] },
  { ext: 'jpg', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { ext: 'gif', mime: 'image/gif', extensions: ['gif'] },
  { ext: 'webp', mime: 'image/webp', extensions: ['webp'] },
  {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
];
const plainText = { ext: 'txt', mime: 'text/plain', extensions: ['txt'] };

export type AttachmentLimits = { maxAttachmentBytes: number; maxAttachments: number };

export type AttachmentCandidate = {
  /** As the sender named it (may be missing). */
  filename: string | null;
  size: number;
  /** What file-type found in the content, or null when it recognised nothing. */
  detected: { ext: string; mime: string } | null;
  /** Whether the content is clean UTF-8 text (looksLikePlainText). */
  plainText: boolean;
};

export type AttachmentDecision =
  | { kept: true; filename: string; mediaType: string }
  | { kept: false; filename: string; reason: RefusedAttachmentReason };

/** `position` is the attachment's place in the email (0-based): past the limit they are refused. */
export function decideAttachment(
  candidate: AttachmentCandidate,
  position: number,
  limits: AttachmentLimits,
): AttachmentDecision {
  const named = safeFilename(candidate.filename, position);
  if (position >= limits.maxAttachments) return { kept: false, filename: named, reason: 'too-many' };
  if (candidate.size > limits.maxAttachmentBytes) return { kept: false, filename: named, reason: 'too-large' };
  const type = candidate.detected
    ? allowedAttachmentTypes.find((t) => t.ext === candidate.detected!.ext && t.mime === candidate.detected!.mime)
    : candidate.plainText
      ? plainText
      : undefined;
  if (!type) return { kept: false, filename: named, reason: 'type-not-allowed' };
  const extension = extensionOf(named);
  if (extension === null) return { kept: true, filename: `${named}.${type.extensions[0]}`, mediaType: type.mime };
  if (!type.extensions.includes(extension))
    return { kept: false, filename: named, reason: 'content-does-not-match-name' };
  return { kept: true, filename: named, mediaType: type.mime };
}

function extensionOf(filename: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A filename safe to show and to offer as a download: no folders, control characters or
 * characters that are special in headers or on Windows; at most 150 characters (extension kept).
 */
export function safeFilename(filename: string | null, position: number): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  let cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length > 150) {
    const extension = extensionOf(cleaned);
    cleaned = extension ? `${cleaned.slice(0, 149 - extension.length)}.${extension}` : cleaned.slice(0, 150);
  }
  return cleaned || `attachment-${position + 1}`;
}

/** Valid UTF-8 with no control characters but tab, line breaks and form feed. */
export function looksLikePlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters mark binary content
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * Content-Disposition for a download: always `attachment` (never shown inline), an ASCII
 * fallback name and the real name encoded per RFC 6266 / 8187, so no name can break the header.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
