import { z } from 'zod';
import {
  ExportLinkParams,
  ExportPackParams,
  ExportPackResponse,
  ExportPacksResponse,
  ScopeMessagesResponse,
  SendExportLinkBody,
  WithheldMessagesBody,
} from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { buildExportPack } from '../../features/rights/build-export-pack.ts';
import { downloadExportLink } from '../../features/rights/download-export-link.ts';
import { downloadExportPack } from '../../features/rights/download-export-pack.ts';
import { linkProblemPage } from '../../features/rights/export-link.rules.ts';
import type { ExportDelivery } from '../../features/rights/export-pack-view.ts';
import { listRequestPacks } from '../../features/rights/list-export-packs.ts';
import { readScopeMessages } from '../../features/rights/read-scope-messages.ts';
import { sendExportLink } from '../../features/rights/send-export-link.ts';
import { withholdMessages } from '../../features/rights/withhold-messages.ts';
import type { ApiRouter } from './api-router.ts';
import { staffOf } from './authorise.ts';
import { languageOfRequest } from './forms-pages-html.ts';

const zipHeaders = (fileName: string) => ({
  'content-type': 'application/zip',
  'content-disposition': `attachment; filename="${fileName}"`,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

/**
 * A rights request's export pack (ADR 34): build, download, email a link, withhold messages; and
 * the resident's link.
 */
export function registerRightsExportRoutes(api: ApiRouter, ctx: ServiceContext, delivery: ExportDelivery): void {
  const tag = 'rights';
  const access = 'privacy';
  const params = z.object({ id: z.uuid('That is not a request id') });
  const exports = { ctx, delivery };

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/export',
      summary: "Build the export pack of the request's subject scope (ZIP: data.json, CSVs, report.html, report.pdf)",
      tag,
      access,
      params,
      response: ExportPackResponse,
      status: 201,
    },
    async ({ params, request }) => ({ pack: await buildExportPack(exports, staffOf(request), params.id) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/rights-requests/:id/export',
      summary: "A request's export packs, newest first (no personal data)",
      tag,
      access,
      params,
      response: ExportPacksResponse,
    },
    async ({ params, request }) => ({ packs: await listRequestPacks(ctx, staffOf(request), params.id) }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/rights-requests/:id/export/:packId/download',
      summary: 'Download a built export pack (audited)',
      tag,
      access,
      params: ExportPackParams,
      response: z.string(),
    },
    async ({ params, request, reply }) => {
      const file = await downloadExportPack(ctx, staffOf(request), params.id, params.packId);
      reply.headers(zipHeaders(file.fileName));
      return file.zip;
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/rights-requests/:id/export/:packId/send',
      summary: 'Email the resident a link to the pack that expires (days and downloads from the configuration)',
      tag,
      access,
      params: ExportPackParams,
      body: SendExportLinkBody,
      response: ExportPackResponse,
    },
    async ({ params, body, request }) => ({
      pack: await sendExportLink(exports, staffOf(request), params.id, params.packId, body.email, {
        language: body.language,
      }),
    }),
  );

  api.route(
    {
      method: 'GET',
      url: '/api/rights-requests/:id/messages',
      summary: "The messages of the request's chats, to mark third-party information (audited read)",
      tag,
      access,
      params,
      response: ScopeMessagesResponse,
    },
    async ({ params, request }) => readScopeMessages(ctx, staffOf(request), params.id),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/rights-requests/:id/withheld',
      summary: 'Set which messages the export pack withholds as third-party information',
      tag,
      access,
      params,
      body: WithheldMessagesBody,
    },
    async ({ params, body, request }) => {
      await withholdMessages(ctx, staffOf(request), params.id, body);
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/rights/packs/:token',
      summary: "A resident's download link to their export pack: the ZIP, or 410 with a page once expired or used up",
      tag,
      access: 'public',
      params: ExportLinkParams,
      response: z.string(),
    },
    async ({ params, request, reply }) => {
      const result = await downloadExportLink(ctx, params.token);
      if (result.kind === 'pack') {
        reply.headers(zipHeaders(result.fileName));
        return result.zip;
      }
      return reply
        .code(result.kind === 'gone' ? 410 : 404)
        .type('text/html; charset=utf-8')
        .send(linkProblemPage(result.kind, ctx.organisation.name, languageOfRequest(request).language));
    },
  );
}
