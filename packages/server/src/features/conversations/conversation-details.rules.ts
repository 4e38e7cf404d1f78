/** A chat's pre-chat details as the resident gave them, or as staff corrected them (ADR 29). */
export type ChatDetails = { name: string; email: string | null };

export type DetailsCorrection = {
  /** The conversation fields that change, in a fixed order (what the audit entry names). */
  fields: Array<'visitor_name' | 'visitor_email'>;
  next: ChatDetails;
};

/**
 * What a correction changes: the name and the email (an empty email removes it; an email differing
 * only in letter case is a change, as the resident may want it written their way). Null when
 * nothing changes, which is refused rather than recorded as a correction.
 */
export function correctionOf(current: ChatDetails, typed: { name: string; email: string }): DetailsCorrection | null {
  const next: ChatDetails = { name: typed.name.trim(), email: typed.email.trim() === '' ? null : typed.email.trim() };
  const fields: DetailsCorrection['fields'] = [];
  if (next.name !== current.name) fields.push('visitor_name');
  if (next.email !== current.email) fields.push('visitor_email');
  return fields.length === 0 ? null : { fields, next };
}
