import { z } from 'zod';
import {
  LawfulBasis,
  RetentionPeriod,
  preChatAnswersMax,
  preChatQuestionTypes,
  reservedQuestionIds,
  textIn,
} from '@ward/protocol';
import { readyForms } from './ready-forms.ts';
import { LocalisedFormDefinition } from './localised-forms.ts';
import { RoutingSettings, routingIssues } from './routing-settings.ts';

/**
 * Retention periods from the councils' privacy notices: transcripts, summaries and emails one full
 * calendar month after the contact; survey answers a year; consent evidence as long as the
 * transcript it proves (it is never deleted before that transcript, whatever its own period);
 * a customer record's details two years after its last contact ended.
 */
const retentionDefaults = {
  'chat-transcripts': { months: 1 },
  'contact-summaries': { months: 1 },
  'survey-answers': { months: 12 },
  'consent-evidence': { months: 1 },
  emails: { months: 1 },
  'customer-records': { months: 24 },
  'rights-requests': { months: 24 },
  'contact-events': { months: 25 },
} as const;

export const RetentionSettings = z.strictObject({
  'chat-transcripts': RetentionPeriod.default(retentionDefaults['chat-transcripts']),
  'contact-summaries': RetentionPeriod.default(retentionDefaults['contact-summaries']),
  'survey-answers': RetentionPeriod.default(retentionDefaults['survey-answers']),
  'consent-evidence': RetentionPeriod.default(retentionDefaults['consent-evidence']),
  emails: RetentionPeriod.default(retentionDefaults.emails),
  /** A record's own details: this long after its last contact ended (or its creation, without one). */
  'customer-records': RetentionPeriod.default(retentionDefaults['customer-records']),
  /** A resident's rights request and its history: this long after it was closed (ADR 28). */
  'rights-requests': RetentionPeriod.default(retentionDefaults['rights-requests']),
  /** The reports' contact events (ADR 36): no personal data, but staff ids; this long after they happened. */
  'contact-events': RetentionPeriod.default(retentionDefaults['contact-events']),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

const slugId = z.string().regex(/^[a-z0-9-]{1,40}$/);

const isoDate = z.iso.date('a date as YYYY-MM-DD');

// "24:00" closes at midnight, so a service that answers round the clock can say so.
const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time as HH:MM, like 09:00');
/** A day's opening times, e.g. [["09:00", "12:30"], ["13:30", "17:00"]] or [["00:00", "24:00"]]; none: closed. */
const dayHours = z
  .array(z.tuple([clockTime, clockTime]).refine(([from, to]) => from < to, 'each opening must end after it starts'))
  .max(6);
const weekdayHours = [['09:00', '17:00']] as [string, string][];
export const WeekHours = z.strictObject({
  monday: dayHours.default(weekdayHours),
  tuesday: dayHours.default(weekdayHours),
  wednesday: dayHours.default(weekdayHours),
  thursday: dayHours.default(weekdayHours),
  friday: dayHours.default(weekdayHours),
  saturday: dayHours.default([]),
  sunday: dayHours.default([]),
});
export type WeekHours = z.infer<typeof WeekHours>;

/**
 * When each department's advisers answer chats (issue 11), in Europe/London: a week for every
 * department unless one has its own, closed on the nation's bank holidays unless told otherwise, and
 * closures (the Christmas shutdown, a storm) for all departments or some.
 */
export const OpeningHoursSettings = z.strictObject({
  weekly: WeekHours.default(WeekHours.parse({})),
  departments: z.record(z.string(), WeekHours).default({}),
  bankHolidays: z.enum(['closed', 'open']).default('closed'),
  closures: z
    .array(
      z.strictObject({
        from: isoDate,
        to: isoDate,
        reason: z.string().min(1).max(200),
        /** Empty: every department. */
        departments: z.array(slugId).default([]),
      }),
    )
    .max(100)
    .default([]),
});
export type OpeningHoursSettings = z.infer<typeof OpeningHoursSettings>;

const text = (max: number) => z.string().trim().min(1).max(max);
/**
 * A text residents read, in English only or in English and Welsh (issue 13):
 * `"Council tax"` or `{ "en": "Council tax", "cy": "Treth gyngor" }`. Pick one with `textIn`.
 */
export const localisedText = (max: number) =>
  z.union([text(max), z.strictObject({ en: text(max), cy: text(max).optional() })]);
/** The council's part of the accessibility statement; Ward's part (what it meets) is in the template. */
export const AccessibilitySettings = z.strictObject({
  /** Where people ask for another format or report a problem. */
  contact: z
    .strictObject({
      email: z.email().nullable().default(null),
      phone: z.string().min(1).max(40).nullable().default(null),
    })
    .default({ email: null, phone: null }),
  /** Working days in which the council answers a request for another format. */
  responseDays: z.number().int().min(1).max(30).default(10),
  /** When and by whom the chat and forms were last tested. */
  lastTestedOn: isoDate.nullable().default(null),
  /** Like the other texts residents read, in English or English and Welsh (ADR 50). */
  testedBy: localisedText(200).default({ en: 'the council', cy: 'y cyngor' }),
  preparedOn: isoDate.nullable().default(null),
  reviewedOn: isoDate.nullable().default(null),
  /** What the council found does not meet WCAG 2.2 AA (empty: fully compliant). */
  knownIssues: z.array(localisedText(500)).max(30).default([]),
});
export type AccessibilitySettings = z.infer<typeof AccessibilitySettings>;

/**
 * What the record of processing (UK GDPR Article 30, ADR 30) says beyond what Ward knows from its
 * own configuration: the purposes with their lawful bases, the processors the council uses, any
 * transfers outside the UK, and the data protection officer. Defaults fit a council that hosts
 * Ward itself; a council changes them in its organisation file.
 */
const defaultPurposes: Array<{ id: string; purpose: string; lawfulBasis: LawfulBasis }> = [
  {
    id: 'enquiries',
    purpose: 'Answering residents’ enquiries by web chat, email, online forms, phone and in person',
    lawfulBasis: 'public-task',
  },
  {
    id: 'records',
    purpose: 'Keeping a record of each contact and a customer record of a resident',
    lawfulBasis: 'public-task',
  },
  { id: 'service-updates', purpose: 'Sending updates a resident opted in to', lawfulBasis: 'consent' },
  {
    id: 'rights-requests',
    purpose: 'Handling residents’ data protection rights requests',
    lawfulBasis: 'legal-obligation',
  },
  {
    id: 'audit',
    purpose: 'Keeping an audit trail of who read or changed personal data, and deleting it on time',
    lawfulBasis: 'legal-obligation',
  },
  { id: 'staff-accounts', purpose: 'Managing staff accounts and sign-in', lawfulBasis: 'contract' },
];
const defaultProcessors = [
  { name: 'The council’s own hosting', service: 'Runs Ward and its database on the council’s own servers' },
];
export const ProcessingSettings = z.strictObject({
  purposes: z
    .array(
      z.strictObject({
        /** Names the purpose where a contact records its lawful basis (ADR 37); an opt-in's id for its purpose. */
        id: z
          .string()
          .regex(/^[a-z0-9-]{1,40}$/, 'a purpose id is lower-case letters, digits and hyphens')
          .optional(),
        purpose: text(300),
        lawfulBasis: LawfulBasis,
      }),
    )
    .min(1, 'at least one purpose is needed')
    .max(50)
    .default(defaultPurposes),
  processors: z
    .array(z.strictObject({ name: text(200), service: text(300) }))
    .max(50)
    .default(defaultProcessors),
  /** Transfers of personal data outside the UK, with their safeguard; none by default. */
  internationalTransfers: z
    .array(z.strictObject({ destination: text(200), safeguard: text(300) }))
    .max(50)
    .default([]),
  /** How to reach the data protection officer, as the privacy notice gives it. */
  dataProtectionOfficer: text(300).nullable().default(null),
});
export type ProcessingSettings = z.infer<typeof ProcessingSettings>;

/**
 * The return on investment a report shows (issue 12, ADR 36): what the same contact would have cost
 * by phone or face to face, and what an adviser's hour costs, in pence. The defaults are examples
 * (a council sets its own from its channel-cost study): they make the sum visible, not true.
 */
const pence = z.number().int().min(0).max(100_000_00);
export const ReportSettings = z.strictObject({
  phoneContactCostPence: pence.default(283),
  faceToFaceContactCostPence: pence.default(862),
  comparedWith: z.enum(['phone', 'face-to-face']).default('phone'),
  agentHourlyCostPence: pence.default(2000),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

/**
 * A council's own question on the pre-chat form (issue 13, ADR 38), of one of online forms' field
 * types: free text (an account number), an email address, a phone number, a postcode, a date, one
 * of some answers (radios or a select), a yes-or-no checkbox or a case reference; required or not,
 * for every topic or only some.
 */
export const PreChatQuestionSetting = z
  .strictObject({
    id: slugId.refine((id) => !(reservedQuestionIds as readonly string[]).includes(id), {
      message: 'name, email, topic and consent are the form’s own fields',
    }),
    /** Label, hint and options in English, or in English and Welsh (ADR 49). */
    label: localisedText(200),
    hint: localisedText(300).optional(),
    type: z.enum(preChatQuestionTypes),
    options: z.array(localisedText(100)).max(20).optional(),
    required: z.boolean().default(false),
    /** Topic ids; absent: every topic. */
    topics: z.array(slugId).min(1).optional(),
    maxLength: z.number().int().min(1).max(2000).default(200),
    /** A date question: which dates it accepts. */
    when: z.enum(['past', 'future', 'any']).optional(),
  })
  .superRefine((question, issues) => {
    // An option is known by its English: the answer is kept in English whatever the resident read.
    const options = (question.options ?? []).map((option) => textIn(option, 'en'));
    const choice = question.type === 'radios' || question.type === 'select';
    if (choice && options.length < 2)
      issues.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${question.type} question needs at least two options`,
      });
    if (!choice && options.length > 0)
      issues.addIssue({ code: 'custom', path: ['options'], message: 'only a radios or select question has options' });
    if (new Set(options).size !== options.length)
      issues.addIssue({ code: 'custom', path: ['options'], message: 'each option is listed once' });
    if (question.when && question.type !== 'date')
      issues.addIssue({ code: 'custom', path: ['when'], message: 'only a date question has "when"' });
  });
export type PreChatQuestionSetting = z.infer<typeof PreChatQuestionSetting>;

/** The council's departments (ADR 14): cases belong to one, staff work in some. */
const defaultDepartments = [
  { id: 'customer-services', label: 'Customer services' },
  { id: 'council-tax', label: 'Council Tax' },
  { id: 'waste', label: 'Waste and recycling' },
  { id: 'housing', label: 'Housing' },
  { id: 'highways', label: 'Highways and street lighting' },
  { id: 'parking', label: 'Parking' },
];

/** What a council configures about its widget and the data Ward captures automatically. */
export const OrganisationSettings = z
  .object({
    departments: z
      .array(z.object({ id: slugId, label: z.string().min(1).max(100) }))
      .min(1, 'at least one department is needed')
      .default(defaultDepartments),
    topics: z
      .array(
        z.object({
          id: slugId,
          /** Residents read it in the widget: in English, or in English and Welsh (ADR 49). */
          label: localisedText(100),
          department: slugId.default('customer-services'),
          /** Domestic abuse, safeguarding…: the chat offers "Exit this page" (ADR 31). */
          sensitive: z.boolean().default(false),
        }),
      )
      .min(1, 'at least one topic is needed'),
    /** The neutral page "Exit this page" replaces the council's page with (ADR 31). */
    quickExitUrl: z
      .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
      .default('https://www.bbc.co.uk/weather'),
    /** When set, the pre-chat form asks for consent with this notice and "just in time" summary. */
    consent: z
      .object({ privacyNoticeUrl: z.url(), summary: localisedText(500) })
      .nullable()
      .default(null),
    optIns: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: localisedText(200) })).default([]),
    /** The council's own questions on the pre-chat form (ADR 38), in the order asked. */
    preChatQuestions: z.array(PreChatQuestionSetting).max(preChatAnswersMax).default([]),
    /** Sites allowed to embed the widget (CSP frame-ancestors) and to open realtime connections. */
    allowedOrigins: z.array(z.url()).default([]),
    capture: z
      .object({
        ipAddress: z.enum(['full', 'truncated', 'off']).default('truncated'),
        browser: z.boolean().default(true),
        operatingSystem: z.boolean().default(true),
        /** Country, region and town from the IP address (ADR 46); WARD_LOCATION overrides it. */
        location: z.enum(['off', 'country', 'region', 'town']).default('town'),
      })
      .default({ ipAddress: 'truncated', browser: true, operatingSystem: true, location: 'town' }),
    /** Residents see staff first names unless the council chooses full names. */
    agentNameShown: z.enum(['first-name', 'full-name']).default('first-name'),
    /** What is replaced with a marker before messages, survey comments and summaries are stored (ADR 9). */
    redaction: z
      .object({
        cardNumbers: z.boolean().default(true),
        bankDetails: z.boolean().default(true),
        nationalInsuranceNumbers: z.boolean().default(true),
      })
      .default({ cardNumbers: true, bankDetails: true, nationalInsuranceNumbers: true }),
    /** Whose bank holidays move a rights request's due date to the next working day (ADR 28). */
    nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales'),
    /** The record of processing's purposes, processors and transfers (ADR 30). */
    recordOfProcessing: ProcessingSettings.default(ProcessingSettings.parse({})),
    /** How long each category of data is kept after the contact (ADR 11); the job deletes the rest. */
    retention: RetentionSettings.default(retentionDefaults),
    /**
     * What the council completes for the accessibility statement of its chat and forms, served at
     * /accessibility (Public Sector Bodies Accessibility Regulations 2018; issue 13).
     */
    accessibility: AccessibilitySettings.default(AccessibilitySettings.parse({})),
    openingHours: OpeningHoursSettings.default(OpeningHoursSettings.parse({})),
    /** The costs behind the reports' return on investment (ADR 36). */
    reports: ReportSettings.default(ReportSettings.parse({})),
    /** Contact-centre routing (issue 11, ADR 39): strategies, capacity, skills. */
    routing: RoutingSettings.default(RoutingSettings.parse({})),
    /**
     * Online forms served at /forms/<organisation>/ (issue 4); the three ready ones unless the council lists its own.
     * Their texts may be given in Welsh too (ADR 50); read them with `formsOf(settings, language)`.
     */
    forms: z
      .array(LocalisedFormDefinition)
      .max(50)
      .default(() => readyForms.map((form) => LocalisedFormDefinition.parse(form))),
  })
  .superRefine((settings, issues) => {
    const departments = new Set(settings.departments.map((d) => d.id));
    settings.topics.forEach((topic, index) => {
      if (!departments.has(topic.department)) {
        issues.addIssue({
          code: 'custom',
          path: ['topics', index, 'department'],
          message: `department "${topic.department}" is not in departments`,
        });
      }
    });
    const topicIds = new Set(settings.topics.map((t) => t.id));
    const questionIds = new Set<string>();
    settings.preChatQuestions.forEach((question, index) => {
      if (questionIds.has(question.id))
        issues.addIssue({
          code: 'custom',
          path: ['preChatQuestions', index, 'id'],
          message: `question id "${question.id}" is used twice`,
        });
      questionIds.add(question.id);
      for (const topic of question.topics ?? [])
        if (!topicIds.has(topic))
          issues.addIssue({
            code: 'custom',
            path: ['preChatQuestions', index, 'topics'],
            message: `topic "${topic}" is not in topics`,
          });
    });
    for (const id of Object.keys(settings.openingHours.departments))
      if (!departments.has(id))
        issues.addIssue({
          code: 'custom',
          path: ['openingHours', 'departments', id],
          message: `department "${id}" is not in departments`,
        });
    for (const issue of routingIssues(settings.routing, departments, topicIds))
      issues.addIssue({ code: 'custom', ...issue });
    const formIds = new Set<string>();
    settings.forms.forEach((form, index) => {
      if (!departments.has(form.department)) {
        issues.addIssue({
          code: 'custom',
          path: ['forms', index, 'department'],
          message: `department "${form.department}" is not in departments`,
        });
      }
      if (formIds.has(form.id))
        issues.addIssue({
          code: 'custom',
          path: ['forms', index, 'id'],
          message: `form id "${form.id}" is used twice`,
        });
      formIds.add(form.id);
    });
  });
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

export const defaultOrganisation: { slug: string; name: string; settings: OrganisationSettings } = {
  slug: 'demo',
  name: 'Demo Borough Council',
  settings: OrganisationSettings.parse({
    topics: [
      { id: 'council-tax', label: 'Council Tax', department: 'council-tax' },
      { id: 'bins', label: 'Bins and recycling', department: 'waste' },
      { id: 'housing', label: 'Housing', department: 'housing' },
      // Housing options teams help people leaving an abusive home (Domestic Abuse Act 2021).
      { id: 'domestic-abuse', label: 'Domestic abuse', department: 'housing', sensitive: true },
      { id: 'parking', label: 'Parking', department: 'parking' },
      { id: 'other', label: 'Something else', department: 'customer-services' },
    ],
    consent: {
      privacyNoticeUrl: 'https://www.example.gov.uk/privacy/web-chat',
      summary:
        'We use what you tell us in this chat to answer your enquiry. We keep the transcript for one full calendar month after the chat, then delete it.',
    },
    optIns: [{ id: 'service-updates', label: 'Email me about changes to council services' }],
    preChatQuestions: [
      {
        id: 'landlord',
        label: 'Are you a landlord?',
        type: 'radios',
        options: ['Yes', 'No'],
        required: false,
        topics: ['housing'],
      },
    ],
  }),
};
