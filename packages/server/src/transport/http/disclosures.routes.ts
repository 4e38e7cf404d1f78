import { z } from 'zod';
import { CaseResponse, DisclosureBody, DisclosureList, DisclosureListQuery, RecordOfProcessing } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { recordDisclosure } from '../../features/cases/record-disclosure.ts';
import { listDisclosures } from '../../features/cases/list-disclosures.ts';
import { readRecordOfProcessing } from '../../features/processing/read-record-of-processing.ts';
import type { ProcessingFacts } from '../../features/processing/record-of-processing.rules.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const IdParams = z.object({ id: z.uuid('That is not a case id') });

/** Disclosures to third parties and the record of processing (ADR 30). */
export function registerDisclosureRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { mfaRequired: ProcessingFacts['mfaRequired'] },
): void {
  api.route(
    {
      method: 'POST',
      url: '/api/cases/:id/disclosures',
      summary: 'Record a disclosure to a third party on a case (sealed, audited)',
      tag: 'cases',
      access: 'staff',
      params: IdParams,
      body: DisclosureBody,
      response: CaseResponse,
      status: 201,
    },
    async ({ params, body, request }) => ({
      case: await recordDisclosure(ctx, staffOf(request), params.id, body),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/disclosures',
      summary: 'Disclosures to third parties made between two dates, newest first (audited)',
      tag: 'privacy',
      access: 'privacy',
      query: DisclosureListQuery,
      response: DisclosureList,
    },
    async ({ query, request }) => listDisclosures(ctx, staffOf(request), query),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/ropa',
      summary: 'The record of processing activities (UK GDPR Article 30), from the live configuration',
      tag: 'privacy',
      access: 'privacy',
      response: RecordOfProcessing,
    },
    async () => readRecordOfProcessing(ctx, { mfaRequired: options.mfaRequired }),
  );
}
