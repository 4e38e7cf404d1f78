import { z } from 'zod';
import {
  IntakeResponse,
  IntegrationCase,
  LoggedContactBody,
  SocialIntakeBody,
  TypedCaseReference,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transferSocialRequest } from '../../features/cases/transfer-social-request.ts';
import { logContact } from '../../features/cases/log-contact.ts';
import { readCaseStatus } from '../../features/cases/read-case-status.ts';
import type { ApiRouter } from './api-router.ts';
import { intakeCallerOf, staffOf } from './authorise.ts';

/** Contacts that reach the council elsewhere, brought into Ward as cases (ADR 14, 15). */
export function registerIntakeRoutes(api: ApiRouter, ctx: ServiceContext): void {
  const tag = 'intake';
  api.route(
    {
      method: 'POST',
      url: '/api/intake/social-media',
      tag,
      access: 'intake',
      body: SocialIntakeBody,
      response: IntakeResponse,
      status: 201,
      summary:
        'Transfer a request received on a social-media platform (staff session, or an API key with the intake scope)',
    },
    async ({ body, request }) => {
      const caller = intakeCallerOf(request);
      return transferSocialRequest(
        ctx,
        caller.kind === 'staff' ? caller : { kind: 'api-key', apiKey: caller.apiKey },
        body,
      );
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/intake/contacts',
      summary: 'Log a telephone or face-to-face contact',
      tag,
      access: 'staff',
      body: LoggedContactBody,
      response: IntakeResponse,
      status: 201,
    },
    async ({ body, request }) => logContact(ctx, staffOf(request), body),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/integrations/cases/:caseReference',
      summary: 'Where a case stands, by its reference: no personal data (staff session, or an API key with cases:read)',
      tag,
      access: 'cases:read',
      params: z.object({ caseReference: TypedCaseReference }),
      response: z.object({ case: IntegrationCase }),
    },
    async ({ params }) => ({ case: await readCaseStatus(ctx, params.caseReference) }),
  );
}
