import { z } from 'zod';

/** What a council configures about its widget and the data Ward captures automatically. */
export const OrganisationSettings = z.object({
  topics: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: z.string().min(1).max(100) }))
    .min(1, 'at least one topic is needed'),
  /** When set, the pre-chat form asks for consent with this notice and "just in time" summary. */
  consent: z.object({ privacyNoticeUrl: z.url(), summary: z.string().min(1).max(500) }).nullable().default(null),
  optIns: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: z.string().min(1).max(200) })).default([]),
  /** Sites allowed to embed the widget (CSP frame-ancestors) and to open realtime connections. */
  allowedOrigins: z.array(z.url()).default([]),
  capture: z
    .object({
      ipAddress: z.enum(['full', 'truncated', 'off']).default('truncated'),
      browser: z.boolean().default(true),
      operatingSystem: z.boolean().default(true),
    })
    .default({ ipAddress: 'truncated', browser: true, operatingSystem: true }),
  /** Residents see staff first names unless the council chooses full names. */
  agentNameShown: z.enum(['first-name', 'full-name']).default('first-name'),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

export const defaultOrganisation: { slug: string; name: string; settings: OrganisationSettings } = {
  slug: 'demo',
  name: 'Demo Borough Council',
  settings: OrganisationSettings.parse({
    topics: [
      { id: 'council-tax', label: 'Council Tax' },
      { id: 'bins', label: 'Bins and recycling' },
      { id: 'housing', label: 'Housing' },
      { id: 'parking', label: 'Parking' },
      { id: 'other', label: 'Something else' },
    ],
    consent: {
      privacyNoticeUrl: 'https://www.example.gov.uk/privacy/web-chat',
      summary:
        'We use what you tell us in this chat to answer your enquiry. We keep the transcript for one full calendar month after the chat, then delete it.',
    },
    optIns: [{ id: 'service-updates', label: 'Email me about changes to council services' }],
  }),
};
