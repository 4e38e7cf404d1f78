import * as z from 'zod';
import { freeText, structuredText } from './free-text.ts';
import { RetentionCategory } from './retention.ts';

/**
 * Online forms (issue 4): a council defines them in its organisation settings; Ward serves them
 * as GOV.UK-style pages at /forms/<organisation>/<form> and as a JSON API. Each submission opens a
 * case on a customer record. Answers are validated by the server's forms rules; these are only
 * the shapes.
 */
export const formLimits = {
  fieldsMax: 40,
  textMaxChars: 2000,
  textareaMaxChars: 10000,
  whereMaxChars: 500,
  /** No single value a person types may be longer than this, whatever the field says. */
  answerMaxChars: 10000,
  optionsMax: 100,
} as const;

const slug = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lower-case letters, digits or dashes');

/** Field ids become HTML names and ids: letters and digits only, so `<id>-day` can never clash with another field. */
export const FormFieldId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'a field id is 1–40 letters and digits, starting with a lower-case letter');

/** Names the page itself uses: the consent box and the honeypot. */
export const reservedFieldIds: readonly string[] = ['consent', 'website'];

const text = (max: number) => z.string().trim().min(1).max(max);

const fieldBase = {
  id: FormFieldId,
  label: text(200),
  hint: text(500).optional(),
  required: z.boolean().default(true),
  /** How error messages name the field: "Enter {errorName}". Defaults to the label. */
  errorName: text(100).optional(),
};

const FormOption = z.strictObject({ value: slug, label: text(200), hint: text(300).optional() });
export type FormOption = z.infer<typeof FormOption>;

const autocomplete = z
  .string()
  .regex(/^[a-z0-9 -]{1,60}$/, 'autocomplete must be an HTML autocomplete token, like "name"');

export const FormField = z.discriminatedUnion('type', [
  z.strictObject({
    ...fieldBase,
    type: z.literal('text'),
    maxLength: z.int().min(1).max(formLimits.textMaxChars).default(200),
    autocomplete: autocomplete.optional(),
    /** Feeds the customer record's name. */
    recordField: z.literal('name').optional(),
  }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('textarea'),
    maxLength: z.int().min(1).max(formLimits.textareaMaxChars).default(2000),
  }),
  z.strictObject({ ...fieldBase, type: z.literal('email'), recordField: z.literal('email').optional() }),
  z.strictObject({ ...fieldBase, type: z.literal('phone'), recordField: z.literal('phone').optional() }),
  z.strictObject({ ...fieldBase, type: z.literal('postcode'), recordField: z.literal('address').optional() }),
  /** GOV.UK date input (day, month, year). */
  z.strictObject({ ...fieldBase, type: z.literal('date'), when: z.enum(['past', 'future', 'any']).default('any') }),
  z.strictObject({ ...fieldBase, type: z.literal('radios'), options: z.array(FormOption).min(2).max(30) }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('select'),
    options: z.array(FormOption).min(2).max(formLimits.optionsMax),
  }),
  /** GOV.UK checkboxes: any of the options (a single option is a yes/no box). */
  z.strictObject({ ...fieldBase, type: z.literal('checkbox'), options: z.array(FormOption).min(1).max(30) }),
  /** Where something is: free text and an optional postcode. */
  z.strictObject({ ...fieldBase, type: z.literal('location'), recordField: z.literal('address').optional() }),
  /** A case reference the resident quotes: the submission joins that case's record. */
  z.strictObject({ ...fieldBase, type: z.literal('case-reference') }),
]);
export type FormField = z.infer<typeof FormField>;
export type FormFieldType = FormField['type'];
export type RecordField = 'name' | 'email' | 'phone' | 'address';

export const FormDefinition = z
  .strictObject({
    id: slug,
    title: text(120),
    description: z.string().trim().max(2000).default(''),
    /** The department that receives the cases; it must be one of the organisation's departments. */
    department: slug,
    /** The case's topic; the title when not given. */
    topic: text(100).optional(),
    retention: RetentionCategory.default('contact-summaries'),
    /** When set, the resident must confirm they have read the notice before sending. */
    consent: z
      .strictObject({
        privacyNoticeUrl: z.url({ protocol: /^https?$/, error: 'privacyNoticeUrl must be an http(s) address' }),
        summary: text(500),
      })
      .nullable()
      .default(null),
    /** Shown under the case reference on the confirmation page and in the email. */
    whatHappensNext: text(1000).default(
      'We will look at what you have sent and contact you if we need more information.',
    ),
    fields: z.array(FormField).min(1, 'a form needs at least one field').max(formLimits.fieldsMax),
    /** Groups of optional fields of which at least one must be answered, e.g. an email address or a phone number. */
    atLeastOne: z
      .array(z.strictObject({ fields: z.array(FormFieldId).min(2).max(10), message: text(200) }))
      .max(10)
      .default([]),
  })
  .superRefine((form, issues) => {
    const seen = new Set<string>();
    const recordFields = new Set<string>();
    form.fields.forEach((field, index) => {
      if (seen.has(field.id))
        issues.addIssue({
          code: 'custom',
          path: ['fields', index, 'id'],
          message: `field id "${field.id}" is used twice`,
        });
      if (reservedFieldIds.includes(field.id))
        issues.addIssue({
          code: 'custom',
          path: ['fields', index, 'id'],
          message: `field id "${field.id}" is reserved`,
        });
      seen.add(field.id);
      if ('options' in field && new Set(field.options.map((o) => o.value)).size !== field.options.length) {
        issues.addIssue({
          code: 'custom',
          path: ['fields', index, 'options'],
          message: 'option values must be different',
        });
      }
      const feeds = 'recordField' in field ? field.recordField : undefined;
      if (feeds && recordFields.has(feeds))
        issues.addIssue({
          code: 'custom',
          path: ['fields', index, 'recordField'],
          message: `only one field can feed the record's ${feeds}`,
        });
      if (feeds) recordFields.add(feeds);
    });
    form.atLeastOne.forEach((group, index) => {
      for (const id of group.fields) {
        if (!seen.has(id))
          issues.addIssue({
            code: 'custom',
            path: ['atLeastOne', index, 'fields'],
            message: `field "${id}" is not in the form`,
          });
      }
    });
  });
export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormDefinitionInput = z.input<typeof FormDefinition>;

/**
 * An answer as sent to the API: text, the chosen options, a date or a location. Which answers are
 * free text depends on the form's field (a textarea, or an email address?), so the door leaves
 * them as typed and `form-answers.rules.ts` redacts each by its field's kind (ADR 16, ADR 27).
 */
const answerText = structuredText(
  z.string().max(formLimits.answerMaxChars, `An answer can be at most ${formLimits.answerMaxChars} characters`),
);
const short = (max: number) => structuredText(z.string().max(max));
export const FormAnswerInput = z.union([
  answerText,
  z.array(short(200)).max(formLimits.optionsMax),
  z.strictObject({
    day: short(10).optional(),
    month: short(10).optional(),
    year: short(10).optional(),
  }),
  z.strictObject({ where: answerText.optional(), postcode: short(20).optional() }),
]);
export type FormAnswerInput = z.infer<typeof FormAnswerInput>;

export const SubmitFormBody = z.strictObject({
  answers: z
    .record(z.string().max(40), FormAnswerInput)
    .refine((answers) => Object.keys(answers).length <= formLimits.fieldsMax, 'There are too many answers'),
  consent: z.boolean().optional(),
});
export type SubmitFormBody = z.infer<typeof SubmitFormBody>;

export const FormFieldError = z.object({ field: z.string(), message: z.string() });
export type FormFieldError = z.infer<typeof FormFieldError>;

export const SubmitFormResponse = z.object({ caseReference: z.string() });
export type SubmitFormResponse = z.infer<typeof SubmitFormResponse>;

/** A stored answer: text, chosen option values, an ISO date, or a location. */
export type FormAnswer = string | string[] | { where: string; postcode: string | null };

/** What staff see of a submission: each answer labelled, as the resident gave it (after redaction). */
export const FormSubmissionView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  submittedAt: z.string(),
  consentGiven: z.boolean(),
  /** True when the answers were deleted (retention) or the resident's key destroyed (erasure). */
  erased: z.boolean(),
  answers: z.array(
    z.object({
      fieldId: z.string(),
      label: z.string(),
      value: z.string(),
      /** How staff may correct it (issue 9): a text, a date (YYYY-MM-DD) or one of the options; null when not here. */
      correction: z
        .object({
          type: z.enum(['text', 'date', 'choice']),
          current: z.string(),
          options: z.array(z.object({ value: z.string(), label: z.string() })),
        })
        .nullable(),
    }),
  ),
  /** Each correction, newest first, with the answer it replaced (kept as long as the answers). */
  corrections: z.array(
    z.object({
      at: z.string(),
      byName: z.string().nullable(),
      question: z.string(),
      previous: z.string(),
      reason: z.string(),
    }),
  ),
});
export type FormSubmissionView = z.infer<typeof FormSubmissionView>;

/** `PUT /api/form-submissions/:id/answers/:fieldId`: rectification of one answer, with the reason. */
export const CorrectFormAnswerBody = z.object({
  value: FormAnswerInput,
  reason: freeText(
    z
      .string('Enter the reason for the correction')
      .trim()
      .min(1, 'Enter the reason for the correction')
      .max(500, 'The reason must be 500 characters or fewer'),
  ),
  /** The correction carries out a resident's rectification request (the audit trail's purpose). */
  rightsRequest: z.boolean().optional(),
});
export type CorrectFormAnswerBody = z.infer<typeof CorrectFormAnswerBody>;
