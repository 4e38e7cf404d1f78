import { z } from 'zod';
import { CaseEmailsResponse, ReplyEmailBody, ReplyEmailResponse } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { readCaseEmails } from '../../features/emails/read-case-emails.ts';
import type { ReplyOptions } from '../../features/emails/reply-to-email.ts';
import { replyOnCase } from '../../features/left-messages/reply-on-case.ts';
import { downloadAttachment } from '../../features/emails/download-attachment.ts';
import { attachmentDisposition } from '../../features/emails/attachment-policy.rules.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';

const CaseParams = z.object({ caseId: z.uuid('That is not a case id') });
const AttachmentParams = z.object({
  emailId: z.uuid('That is not an email id'),
  attachmentId: z.uuid('That is not an attachment id'),
});

/** A case's emails, staff replies, and attachment downloads (ADR 17): staff of the case's department. */
export function registerEmailRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: ReplyOptions & { limiter: RateLimiter },
): void {
  const tag = 'emails';
  api.route(
    {
      method: 'GET',
      url: '/api/cases/:caseId/emails',
      summary: 'The emails of a case, oldest first (audited)',
      tag,
      access: 'staff',
      params: CaseParams,
      response: CaseEmailsResponse,
    },
    async ({ params, request }) => ({ emails: await readCaseEmails(ctx, staffOf(request), params.caseId) }),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/cases/:caseId/emails',
      summary: 'Reply to the resident by email, or to a message they left (redacted, sent in the background)',
      tag,
      access: 'staff',
      params: CaseParams,
      body: ReplyEmailBody,
      response: ReplyEmailResponse,
      status: 201,
    },
    async ({ params, body, redactions, request }) => ({
      email: await options.limiter.guard('email-replies', params.caseId, () =>
        replyOnCase(ctx, staffOf(request), params.caseId, body.body, options, redactions),
      ),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/emails/:emailId/attachments/:attachmentId',
      summary: 'Download an attachment (never shown inline; audited)',
      tag,
      access: 'staff',
      params: AttachmentParams,
      response: z.string(),
      status: 200,
    },
    async ({ params, request, reply }) => {
      const file = await downloadAttachment(ctx, staffOf(request), params.emailId, params.attachmentId);
      reply
        .header('content-type', file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        // Opened by mistake in a tab, it still cannot run anything.
        .header('content-security-policy', "default-src 'none'; sandbox");
      return file.content;
    },
  );
}
