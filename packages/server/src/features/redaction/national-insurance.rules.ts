import { redactionMarkers } from '@ward/protocol';
import type { RedactionSpan } from './redaction-span.rules.ts';

/**
 * National Insurance numbers: two letters, six digits and a letter A–D, spaces (or dashes)
 * optional: "AB 12 34 56 C", "ab123456c". The prefix follows HMRC's rules: the first letter is
 * not D, F, I, Q, U or V; the second is not D, F, I, O, Q, U or V; and BG, GB, NK, KN, TN, NT and
 * ZZ are never issued. (HMRC's own specimen, QQ 12 34 56 C, is therefore left alone.)
 */
const pattern =
  /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})[ -]?[A-D](?![A-Za-z0-9])/gi;
const neverIssued = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

export function nationalInsuranceSpans(text: string): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const prefix = `${match[1]}${match[2]}`.toUpperCase();
    if (neverIssued.has(prefix)) continue;
    spans.push({
      start: match.index,
      end: match.index + match[0].length,
      category: 'national-insurance-number',
      marker: redactionMarkers.nationalInsuranceNumber,
    });
  }
  return spans;
}
