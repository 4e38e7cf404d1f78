import { giveConsentInChat } from '../../features/conversations/consent-in-chat.ts';
import { z } from 'zod';
import {
  OptInsBody,
  StartConversationBody,
  StartConversationResponse,
  SurveyBody,
  TranscriptRequestBody,
  WidgetConfig,
} from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { startConversation } from '../../features/conversations/start-conversation.ts';
import { preChatQuestions } from '../../features/conversations/pre-chat-answers.rules.ts';
import { topicAvailability } from '../../features/organisations/topic-availability.ts';
import { requestTranscript, saveOptIns, saveSurvey } from '../../features/conversations/update-conversation.ts';
import { currentNoticeAddress } from '../../features/consents/privacy-notices.ts';
import type { ApiRouter } from './api-router.ts';
import { visitorConversationOf } from './authorise.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';

const OrganisationParams = z.object({ organisation: z.string().max(40) });

export function registerWidgetRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { transcriptsEnabled: boolean; limiter: RateLimiter; publicUrl: string },
): void {
  const requireOrganisation = (slug: string) => {
    if (slug !== ctx.organisation.slug) throw new AppError('not_found', 'This council’s chat was not found');
  };

  api.route(
    {
      method: 'GET',
      url: '/api/widget/:organisation/config',
      summary: 'Widget settings for a council',
      tag: 'widget',
      access: 'public',
      params: OrganisationParams,
      response: WidgetConfig,
    },
    async ({ params }): Promise<WidgetConfig> => {
      requireOrganisation(params.organisation);
      const { settings } = ctx.organisation;
      const availability = topicAvailability(ctx);
      const notice = await currentNoticeAddress(ctx, options.publicUrl);
      return {
        organisationName: ctx.organisation.name,
        topics: settings.topics.map(({ id, label, sensitive }) => {
          const hours = availability.get(id);
          return { id, label, sensitive, open: hours?.open ?? true, opensAt: hours?.opensAt?.toISOString() ?? null };
        }),
        // The notice version published in Ward, when there is one, takes the place of the configured address (ADR 37).
        consent: settings.consent && {
          ...settings.consent,
          privacyNoticeUrl: notice ?? settings.consent.privacyNoticeUrl,
        },
        privacyNoticeUrl: notice ?? settings.consent?.privacyNoticeUrl ?? null,
        optIns: settings.optIns,
        transcriptsEnabled: options.transcriptsEnabled,
        quickExitUrl: settings.quickExitUrl,
        preChatQuestions: preChatQuestions(settings),
      };
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/widget/:organisation/conversations',
      summary: 'Start a chat (the pre-chat form)',
      tag: 'widget',
      access: 'public',
      params: OrganisationParams,
      body: StartConversationBody,
      response: StartConversationResponse,
      status: 201,
    },
    async ({ params, body, request }) => {
      requireOrganisation(params.organisation);
      return options.limiter.guard('chat-starts', request.ip, () =>
        startConversation(ctx, body, { ip: request.ip, userAgent: request.headers['user-agent'] }),
      );
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/visitor/conversation/survey',
      summary: 'Rate the chat',
      tag: 'widget',
      access: 'visitor',
      body: SurveyBody,
    },
    async ({ body, request }) => saveSurvey(ctx, visitorConversationOf(request), body),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/visitor/conversation/transcript',
      summary: 'Email me the transcript',
      tag: 'widget',
      access: 'visitor',
      body: TranscriptRequestBody,
      status: 202,
    },
    async ({ body, request, reply }) => {
      if (!options.transcriptsEnabled) throw new AppError('forbidden', 'Transcripts cannot be emailed at the moment');
      // One transcript email per chat and one resend: the same chat cannot mail-bomb addresses.
      const conversationId = visitorConversationOf(request);
      await options.limiter.guard('transcript-emails', conversationId, () =>
        requestTranscript(ctx, conversationId, body.email),
      );
      return reply.code(202).send();
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/visitor/conversation/opt-ins',
      summary: 'Choose opt-ins',
      tag: 'widget',
      access: 'visitor',
      body: OptInsBody,
    },
    async ({ body, request }) => saveOptIns(ctx, visitorConversationOf(request), body),
  );

  api.route(
    {
      method: 'POST',
      url: '/api/visitor/conversation/consent',
      summary: 'Give the consent the adviser asked for in the chat',
      tag: 'widget',
      access: 'visitor',
      body: z.object({}),
      status: 204,
    },
    async ({ request, reply }) => {
      await giveConsentInChat(ctx, visitorConversationOf(request));
      return reply.code(204).send();
    },
  );
}
