import { z } from 'zod';
import { ConsentProof, ConsentProofQuery, PrivacyNotice, PublishPrivacyNoticeBody } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { listPrivacyNotices, publishPrivacyNotice } from '../../features/consents/privacy-notices.ts';
import { consentProofCsv, toConsentProof } from '../../features/consents/consent-proof.rules.ts';
import { withdrawConsentForResident } from '../../features/consents/withdraw-consent.ts';
import { exportConsentProof } from '../../features/rights/export-consent-proof.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const IdParams = z.object({ id: z.uuid('That is not a consent id') });
const byOf = (query: z.infer<typeof ConsentProofQuery>) =>
  query.caseReference ? { caseReference: query.caseReference } : { purpose: query.purpose ?? '' };

/** Privacy notices, and the proof of consent and its withdrawal by staff (ADR 37). */
export function registerConsentRoutes(api: ApiRouter, ctx: ServiceContext): void {
  api.route(
    {
      method: 'GET',
      url: '/api/privacy-notices',
      summary: 'Every version of the privacy notice, newest first, and which one residents see now',
      tag: 'privacy',
      access: 'privacy',
      response: z.object({ notices: z.array(PrivacyNotice) }),
    },
    async () => ({ notices: await listPrivacyNotices(ctx) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/privacy-notices',
      summary: 'Publish a new version of the privacy notice (its address or its text); versions never change',
      tag: 'privacy',
      access: 'admin',
      body: PublishPrivacyNoticeBody,
      response: z.object({ notice: PrivacyNotice }),
      status: 201,
    },
    async ({ body, request }) => ({ notice: await publishPrivacyNotice(ctx, staffOf(request), body) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/consents',
      summary: 'Proof of consent for one person (a case reference) or one purpose (audited)',
      tag: 'privacy',
      access: 'privacy',
      query: ConsentProofQuery,
      response: z.object({ consents: z.array(ConsentProof) }),
    },
    async ({ query, request }) => ({ consents: await exportConsentProof(ctx, staffOf(request), byOf(query)) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/consents.csv',
      summary: 'Proof of consent as CSV (a download)',
      tag: 'privacy',
      access: 'privacy',
      query: ConsentProofQuery,
      response: z.string(),
      status: 200,
    },
    async ({ query, request, reply }) => {
      const consents = await exportConsentProof(ctx, staffOf(request), byOf(query));
      const day = new Date().toISOString().slice(0, 10);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ward-consents-${day}.csv"`);
      return consentProofCsv(consents);
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/consents/:id/withdraw',
      summary: 'Withdraw a consent on the resident’s behalf (phone, letter, in person); stops what it covered',
      tag: 'privacy',
      access: 'privacy',
      params: IdParams,
      body: z.object({}),
      response: z.object({ consent: ConsentProof }),
    },
    async ({ params, request }) => ({
      consent: toConsentProof(await withdrawConsentForResident(ctx.db, staffOf(request), params.id)),
    }),
  );
}
