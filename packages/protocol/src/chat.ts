import * as z from 'zod';
import { freeText, structuredText } from './free-text.ts';
import { caseReferencePattern } from './case-reference.ts';
import { limits } from './limits.ts';
import { conversationStatuses, emailPattern, residentMessages } from './resident-rules.ts';
import { preChatAnswersMax, preChatQuestionMessages, preChatQuestionTypes } from './pre-chat-questions.ts';
import { languages } from './language.ts';

/** The language a resident chats in (ADR 49): Ward's own lines in the chat are written in it. */
export const ChatLanguage = z.enum(languages, { error: 'language must be "en" (English) or "cy" (Welsh)' });

const trimmed = (max: number) => z.string().trim().max(max);

export const Uuid = z.uuid();
export const CaseReference = z.string().regex(caseReferencePattern);

export const ConversationStatus = z.enum(conversationStatuses);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Sender = z.enum(['visitor', 'agent', 'system']);
export type Sender = z.infer<typeof Sender>;

/** One message as both parties see it. `seq` is gap-free from 1 within its conversation. */
export const Message = z.object({
  seq: z.number().int().positive(),
  clientMessageId: Uuid,
  sender: Sender,
  /** The agent's display name for agent messages; null otherwise. */
  senderName: z.string().nullable(),
  body: z.string(),
  sentAt: z.iso.datetime(),
  /** The agent marked this message as the resident's consent statement. */
  consentEvidence: z.boolean(),
});
export type Message = z.infer<typeof Message>;

export const MessageBody = freeText(
  z
    .string()
    .max(limits.messageBodyMaxChars, `A message can be at most ${limits.messageBodyMaxChars} characters`)
    .refine((body) => body.trim().length > 0, residentMessages.messageEmpty),
);

// ---- Widget configuration and pre-chat (HTTP) ----

export const Topic = z.object({
  id: z.string(),
  label: z.string(),
  /** A sensitive subject (domestic abuse, safeguarding): the chat shows "Exit this page" (ADR 31). */
  sensitive: z.boolean(),
  /** Whether the topic's department is answering chats now (its opening hours, closures, bank holidays). */
  open: z.boolean(),
  /** When it next opens, when closed; null when open or not within two months. */
  opensAt: z.iso.datetime().nullable(),
  /** Whether someone who works in its department has their console open and is not away now. */
  staffed: z.boolean(),
});
export type Topic = z.infer<typeof Topic>;

export const OptIn = z.object({ id: z.string(), label: z.string() });
export type OptIn = z.infer<typeof OptIn>;

/** A council's own pre-chat question (issue 13, ADR 38), as the widget asks it. */
export const PreChatQuestion = z.object({
  id: z.string(),
  label: z.string(),
  hint: z.string().nullable(),
  type: z.enum(preChatQuestionTypes),
  /** The choices of a radios or select question. */
  options: z.array(z.string()),
  required: z.boolean(),
  /** The topic ids it is asked for; null: every topic. */
  topics: z.array(z.string()).nullable(),
  maxLength: z.number().int().positive(),
  /** Which dates a date question accepts. */
  when: z.enum(['past', 'future', 'any']),
});
export type PreChatQuestion = z.infer<typeof PreChatQuestion>;

export const WidgetConfig = z.object({
  organisationName: z.string(),
  topics: z.array(Topic),
  /** Present when the council asks for consent on the pre-chat form. */
  consent: z
    .object({
      privacyNoticeUrl: z.string(),
      /** A short "just in time" summary shown beside the checkbox. */
      summary: z.string(),
    })
    .nullable(),
  optIns: z.array(OptIn),
  /** Whether the transcript can be emailed (SMTP configured, or the outbox in the embedded default). */
  transcriptsEnabled: z.boolean(),
  /** Where "Exit this page" takes the resident (an http(s) address from the council's settings). */
  quickExitUrl: z.string(),
  /** The privacy notice in effect (ADR 37), for consent asked in the chat; null when none is known. */
  privacyNoticeUrl: z.string().nullable(),
  preChatQuestions: z.array(PreChatQuestion),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

export const StartConversationBody = z.object({
  name: structuredText(trimmed(limits.nameMaxChars).min(1, residentMessages.nameMissing)),
  email: z
    .union([
      z.literal(''),
      z
        .email({ pattern: emailPattern, error: residentMessages.emailFormat })
        .max(limits.emailMaxChars, residentMessages.emailTooLong),
    ])
    .optional(),
  topic: structuredText(z.string().min(1, residentMessages.topicMissing).max(100)),
  consent: z.boolean().optional(),
  /**
   * Answers to the council's own questions, by question id. Structured here: the server checks each
   * against its question and redacts the text answers itself (ADR 38), as online forms do (ADR 16).
   */
  answers: z
    .record(
      z.string().regex(/^[a-z0-9-]{1,40}$/, preChatQuestionMessages.unknown),
      structuredText(z.string().max(2000)),
    )
    .refine((answers) => Object.keys(answers).length <= preChatAnswersMax, preChatQuestionMessages.unknown)
    .optional(),
  /** The widget's language when the chat started; English when not given. */
  language: ChatLanguage.optional(),
});
export type StartConversationBody = z.infer<typeof StartConversationBody>;

export const StartConversationResponse = z.object({
  conversationId: Uuid,
  caseReference: CaseReference,
  /** Bearer secret for this one conversation: the Socket.IO handshake `auth.token` and HTTP `Authorization: Bearer`. */
  visitorToken: z.string(),
});
export type StartConversationResponse = z.infer<typeof StartConversationResponse>;

// ---- Post-chat (HTTP, visitor bearer token) ----

export const SurveyBody = z.object({
  rating: z.number().int().min(1, residentMessages.ratingMissing).max(5, residentMessages.ratingMissing),
  comment: freeText(trimmed(limits.surveyCommentMaxChars)).optional(),
});
export type SurveyBody = z.infer<typeof SurveyBody>;

export const TranscriptRequestBody = z.object({
  email: z
    .email({ pattern: emailPattern, error: residentMessages.emailFormat })
    .max(limits.emailMaxChars, residentMessages.emailTooLong),
});
export type TranscriptRequestBody = z.infer<typeof TranscriptRequestBody>;

export const OptInsBody = z.object({ optIns: z.array(structuredText(z.string().max(100))).max(20) });
export type OptInsBody = z.infer<typeof OptInsBody>;

// ---- Conversation state ----

/** What the resident's widget knows about its own conversation. */
/**
 * A live chat where nobody wrote for a while (ADR 43): when the resident was warned, and when it closes
 * unless someone writes or the resident chooses to stay (`chat:stay`); null when no warning stands.
 */
export const InactivityWarning = z.object({ warnedAt: z.iso.datetime(), closesAt: z.iso.datetime() }).nullable();
export type InactivityWarning = z.infer<typeof InactivityWarning>;

export const VisitorConversation = z.object({
  conversationId: Uuid,
  caseReference: CaseReference,
  status: ConversationStatus,
  topicLabel: z.string(),
  /** Display name of the agent handling the chat (first name unless the council chose otherwise). */
  agentName: z.string().nullable(),
  lastSeq: z.number().int().nonnegative(),
  /** The adviser asked for consent in the chat (ADR 37): what the resident is asked to agree to. */
  consentRequest: z.object({ summary: z.string() }).nullable(),
  inactivityWarning: InactivityWarning,
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

/** What staff see of a conversation. */
export const AgentConversation = z.object({
  id: Uuid,
  caseReference: CaseReference,
  status: ConversationStatus,
  topicId: z.string(),
  topicLabel: z.string(),
  /** The language the resident chose in the widget (ADR 49). */
  language: ChatLanguage,
  /** The department of the chat's case (it changes with a transfer); null only for a chat without a case. */
  departmentId: z.string().nullable(),
  visitorName: z.string(),
  visitorEmail: z.string().nullable(),
  assignedStaffId: Uuid.nullable(),
  assignedStaffName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  summary: z.string().nullable(),
  consentGiven: z.boolean(),
  /** The adviser asked for consent in the chat and the resident has not answered yet (ADR 37). */
  consentAsked: z.boolean(),
  /** The resident was warned the chat will close for inactivity (ADR 43). */
  inactivityWarning: InactivityWarning,
  lastSeq: z.number().int().nonnegative(),
  /** Automatic information, each null when switched off. */
  ipAddress: z.string().nullable(),
  browser: z.string().nullable(),
  operatingSystem: z.string().nullable(),
  /**
   * Where the IP address placed the resident (ADR 46): names, never finer than a town, each null when
   * not known or not collected at that precision; null when location is switched off.
   */
  location: z
    .object({ country: z.string().nullable(), region: z.string().nullable(), town: z.string().nullable() })
    .nullable(),
  survey: z.object({ rating: z.number().int(), comment: z.string().nullable() }).nullable(),
  /** The answers to the council's own pre-chat questions, with each question as it was asked. */
  preChatAnswers: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type AgentConversation = z.infer<typeof AgentConversation>;

/**
 * A resident waiting for a chat, as every agent of the organisation sees it. No personal data
 * (data minimisation, ADR 12): what an agent needs to pick the next chat is the topic, the wait
 * and the case reference; the name comes with the conversation once an agent accepts it (audited).
 */
export const QueueItem = z.object({
  id: Uuid,
  caseReference: CaseReference,
  topicLabel: z.string(),
  /** The language the resident chose (ADR 49), so an adviser who speaks it can take the chat. */
  language: ChatLanguage,
  /** The department of the chat's case: agents see the queues of their departments only. */
  departmentId: z.string(),
  waitingSince: z.iso.datetime(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const ConversationWithMessages = z.object({
  conversation: AgentConversation,
  messages: z.array(Message),
});
export type ConversationWithMessages = z.infer<typeof ConversationWithMessages>;

export const SummaryBody = z.object({
  summary: freeText(trimmed(limits.summaryMaxChars).min(1, 'Enter a summary')),
});
export type SummaryBody = z.infer<typeof SummaryBody>;

/**
 * `PUT /api/conversations/:id/details`: staff correct the name and email address the resident gave
 * in the pre-chat form (rectification, ADR 29). An empty email removes it. The reason is kept,
 * sealed, with the values it replaced; `rightsRequest` says the correction answers a resident's
 * request (the audit purpose `rights-request`, else `review-contact`).
 */
export const CorrectConversationDetailsBody = z.strictObject({
  name: structuredText(trimmed(limits.nameMaxChars).min(1, 'Enter the resident’s name')),
  email: z.union([
    z.literal(''),
    z
      .email({ pattern: emailPattern, error: residentMessages.emailFormat })
      .max(limits.emailMaxChars, residentMessages.emailTooLong),
  ]),
  reason: freeText(
    trimmed(500).min(1, 'Enter the reason for the correction').max(500, 'A reason can be at most 500 characters'),
  ),
  rightsRequest: z.boolean().optional(),
});
export type CorrectConversationDetailsBody = z.infer<typeof CorrectConversationDetailsBody>;

/** `GET /api/conversations/:id/corrections`: what corrections of the chat's details replaced (ADR 29). */
export const ConversationCorrections = z.object({
  corrections: z.array(
    z.object({
      at: z.string(),
      byName: z.string().nullable(),
      /** The fields corrected: `name`, `email`. */
      fields: z.array(z.enum(['name', 'email'])),
      previousName: z.string().nullable(),
      previousEmail: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});
export type ConversationCorrections = z.infer<typeof ConversationCorrections>;
