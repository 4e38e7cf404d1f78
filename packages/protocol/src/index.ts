export * from './errors.ts';
export * from './case-reference.ts';
export * from './quoted-case-references.ts';
export * from './limits.ts';
export * from './chat.ts';
export * from './redaction.ts';
export * from './realtime.ts';
export * from './staff.ts';
export * from './retention.ts';
export * from './audit.ts';
export * from './search.ts';
export * from './records.ts';
export * from './emails.ts';
export * from './cases.ts';
export * from './api-keys.ts';
export * from './forms.ts';
export * from './text-safety.ts';
export * from './webhooks.ts';
export * from './single-sign-on.ts';
export {
  consentCheckboxLabels,
  consentCheckboxLabelsIn,
  welshConsentCheckboxLabels,
  conversationStatuses,
  emailPattern,
  inactivityEndedMessage,
  inactivityEndedMessages,
  inactivityWarningStart,
  inactivityWarningStarts,
  residentMessages,
} from './resident-rules.ts';
export * from './shared-constants.ts';
export * from './free-text.ts';
export * from './rights.ts';
export * from './rights-export.ts';
export * from './subject-finder.ts';
export * from './rights-erasure.ts';
export * from './disclosures.ts';
export * from './consents.ts';
export * from './processing.ts';
export * from './reports.ts';
export * from './pre-chat-questions.ts';
export * from './field-rules.ts';
export * from './london-today.ts';
export * from './pre-chat-question-types.ts';
export * from './supervision.ts';
export * from './chat-work.ts';
export * from './canned-reply-placeholders.ts';
export * from './routing.ts';
export * from './opening-hours.ts';
export * from './language.ts';
