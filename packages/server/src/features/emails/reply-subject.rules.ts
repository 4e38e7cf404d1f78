/**
 * The subject of a staff reply: "Re: " and the resident's subject (once, however many "Re:" it
 * already has), ending with the case reference in brackets so the resident's next reply comes
 * back to the same case. The reference is not repeated when the subject already ends with it.
 */
export function replySubject(originalSubject: string | null, caseReference: string): string {
  const tag = `[${caseReference}]`;
  let base = (originalSubject ?? '').replace(/[\r\n]+/g, ' ').trim();
  while (/^(re|aw|sv|fw|fwd)\s*:\s*/i.test(base)) base = base.replace(/^(re|aw|sv|fw|fwd)\s*:\s*/i, '');
  base = base.replace(new RegExp(`\\s*\\[${caseReference}\\]\\s*$`), '').trim();
  if (base.length > 200) base = `${base.slice(0, 200).trimEnd()}…`;
  return base ? `Re: ${base} ${tag}` : `Re: your enquiry ${tag}`;
}

/** A References header: the thread so far, then the message replied to (RFC 5322 §3.6.4). */
export function replyReferences(previous: readonly string[], inReplyTo: string): string[] {
  const thread = previous.filter((id) => id !== inReplyTo);
  // Long threads keep the first and the latest ids, as mail clients do, to bound the header.
  const kept = thread.length > 10 ? [thread[0]!, ...thread.slice(-9)] : thread;
  return [...kept, inReplyTo];
}
