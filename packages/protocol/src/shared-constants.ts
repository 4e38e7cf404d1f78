/**
 * Values the console and the widget use as well as the server, in a module without zod: with the
 * package marked free of side effects, a client that imports only these (and limits.ts,
 * case-reference.ts, redaction-markers.ts, resident-rules.ts) leaves the validation library out of
 * its bundle (issue 13). The zod schemas build on them.
 */
export const caseStatuses = ['open', 'awaiting-resident', 'awaiting-council', 'closed'] as const;
export const caseNoteMaxChars = 4000;
export const emailLimits = {
  replyMaxChars: 20000,
} as const;
export const holdReasonMaxChars = 1000;
/** Working the chats (issue 11): a note or whisper inside a chat, a canned reply. */
export const chatNoteMaxChars = 2000;
export const cannedReplyMaxChars = 2000;
export const cannedReplyTitleMaxChars = 200;
/** The reason given for a closure or special hours (ADR 47). */
export const openingExceptionReasonMaxChars = 200;
export const passwordMinLength = 12;

/** Why a single sign-on came back to the sign-in page (`/console/sign-in?sso=<outcome>`). */
export const ssoOutcomes = ['refused', 'failed', 'throttled'] as const;
export type SsoOutcome = (typeof ssoOutcomes)[number];

/** What the sign-in page says for each outcome; none of them tells whether an account exists. */
export const ssoOutcomeMessages: Record<SsoOutcome, string> = {
  refused: 'Your council account is not set up for Ward. Ask your administrator.',
  failed: 'Signing in with your council account did not work. Try again, or ask your administrator.',
  throttled: 'There have been too many attempts to sign in. Wait a few minutes, then try again.',
};

export const socialPlatforms = ['x', 'facebook', 'instagram', 'nextdoor', 'other'] as const;
export const intakeTextMaxChars = 4000;
export const apiKeyScopes = ['intake', 'cases:read', 'reports'] as const;
export const webhookEvents = [
  'chat.started',
  'chat.accepted',
  'chat.ended',
  'case.created',
  'case.status-changed',
  'case.closed',
  'case.updated',
] as const;

/** A rights request's notes and reasons (ADR 28). */
export const rightsTextMaxChars = 1000;

/** What the contact events log records (ADR 36): identifiers, times and numbers, never personal data. */
export const contactEventKinds = [
  'chat-requested',
  'chat-queued',
  'chat-assigned',
  'chat-first-response',
  'chat-message',
  'chat-transferred',
  'chat-ended',
  'chat-abandoned',
  'chat-missed',
  'chat-left-message',
  'survey-answered',
  'transcript-requested',
  'form-submitted',
  'email-received',
  'email-answered',
  'case-opened',
  'case-closed',
  // ADR 44: an agent's status (0 offline, 1 available, 2 busy, 3 away), a supervisor taking a chat over,
  // a message that came while its department was closed, and its first answer (ms after it came).
  'agent-status',
  'chat-taken-over',
  'out-of-hours-received',
  'out-of-hours-answered',
] as const;
export type ContactEventKind = (typeof contactEventKinds)[number];

/** How reports group time (Europe/London), and the tables they offer (ADR 36). */
export const reportPeriods = ['hour', 'day', 'week', 'month'] as const;
export const reportTables = ['volumes', 'departments', 'topics', 'agents', 'channels'] as const;
