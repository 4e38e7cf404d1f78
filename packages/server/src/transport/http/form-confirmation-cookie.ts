import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseCaseReference, redactionCategories, type RedactionCategory } from '@ward/protocol';

/**
 * After a form is sent the page redirects (post/redirect/get), so refreshing the confirmation or
 * going back never sends the form twice. The confirmation travels in a short-lived, HttpOnly,
 * signed cookie scoped to that form's path: the case reference never appears in a URL.
 */
export const formConfirmationCookie = 'ward_form_sent';
export const formConfirmationMaxAgeSeconds = 30 * 60;

export type FormConfirmation = { caseReference: string; emailed: boolean; redactions: RedactionCategory[] };

/** The signing key: derived from the index key for this one purpose, the same on every node. */
export function formConfirmationKey(indexKey: Buffer): Buffer {
  return createHmac('sha256', indexKey).update('ward:form-confirmation-cookie').digest();
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function sealFormConfirmation(key: Buffer, confirmation: FormConfirmation): string {
  const payload = Buffer.from(JSON.stringify(confirmation)).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The confirmation in a cookie value, or null when it is missing, altered or malformed. */
export function openFormConfirmation(key: Buffer, value: string | undefined): FormConfirmation | null {
  const [payload, signature, extra] = (value ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<FormConfirmation>;
    const caseReference =
      typeof parsed.caseReference === 'string' ? normaliseCaseReference(parsed.caseReference) : null;
    const redactions = Array.isArray(parsed.redactions)
      ? parsed.redactions.filter((r): r is RedactionCategory => redactionCategories.includes(r as RedactionCategory))
      : [];
    return caseReference ? { caseReference, emailed: parsed.emailed === true, redactions } : null;
  } catch {
    return null;
  }
}
