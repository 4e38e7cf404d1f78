/**
 * What Ward removes from messages, survey comments and summaries before they are stored, logged,
 * emailed or shown to the other party (see docs/adr/0009-redaction-on-the-way-in.md). Each is
 * replaced with a visible marker, so both parties can see that something was taken out. No zod
 * here: the widget reads these without the validation library.
 */
export const redactionCategories = ['card-number', 'bank-details', 'national-insurance-number'] as const;

/** The markers that replace what was removed. They contain no digits, so redacting again changes nothing. */
export const redactionMarkers = {
  /** The long card number itself. */
  cardNumber: '[card number removed]',
  /** A card's security code (CVV) or expiry date. */
  cardDetails: '[card details removed]',
  bankDetails: '[bank details removed]',
  nationalInsuranceNumber: '[National Insurance number removed]',
} as const;
