import { giveConsentInChat } from '../../features/conversations/consent-in-chat.ts';
import { z } from 'zod';
import {
  OptInsBody,
  StartConversationBody,
  StartConversationResponse,
  SurveyBody,
  TranscriptRequestBody,
  WidgetConfig,
  languageOf,
  textIn,
} from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { startConversation } from '../../features/conversations/start-conversation.ts';
import { preChatQuestions } from '../../features/conversations/pre-chat-answers.rules.ts';
import { topicAvailability } from '../../features/organisations/topic-availability.ts';
import { departmentsStaffedNow } from '../../features/routing/staffed-departments.ts';
import { requestTranscript, saveOptIns, saveSurvey } from '../../features/conversations/update-conversation.ts';
import { currentNoticeAddress } from '../../features/consents/privacy-notices.ts';
import type { ApiRouter } from './api-router.ts';
import { visitorConversationOf } from './authorise.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';

const OrganisationParams = z.object({ organisation: z.string().max(40) });
/** The widget's language (ADR 49): the council's texts in it, English where the council gave no Welsh. */
const ConfigQuery = z.object({
  language: z.enum(['en', 'cy'], { error: 'language must be "en" (English) or "cy" (Welsh)' }).optional(),
});

export function registerWidgetRoutes(
  api: ApiRouter,
  ctx: ServiceContext,
  options: { transcriptsEnabled: boolean; limiter: RateLimiter; publicUrl: string },
): void {
  const requireOrganisation = (slug: string) => {
    if (slug !== ctx.organisation.slug)
      throw new AppError('not_found', 'This council’s chat was not found', { reason: 'chat-not-found' });
  };

  api.route(
    {
      method: 'GET',
      url: '/api/widget/:organisation/config',
      summary: 'Widget settings for a council',
      tag: 'widget',
      access: 'public',
      params: OrganisationParams,
      query: ConfigQuery,
      response: WidgetConfig,
    },
    async ({ params, query }): Promise<WidgetConfig> => {
      requireOrganisation(params.organisation);
      const { settings } = ctx.organisation;
      const language = languageOf(query.language);
      const availability = await topicAvailability(ctx);
      const staffed = await departmentsStaffedNow(ctx);
      const notice = await currentNoticeAddress(ctx, options.publicUrl);
      return {
        organisationName: ctx.organisation.name,
        topics: settings.topics.map(({ id, label, sensitive, department }) => {
          const hours = availability.get(id);
          const opensAt = hours?.opensAt?.toISOString() ?? null;
          const shown = textIn(label, language);
          return { id, label: shown, sensitive, open: hours?.open ?? true, opensAt, staffed: staffed.has(department) };
        }),
        // The notice version published in Ward, when there is one, takes the place of the configured address (ADR 37).
        consent: settings.consent && {
          summary: textIn(settings.consent.summary, language),
          privacyNoticeUrl: notice ?? settings.consent.privacyNoticeUrl,
        },
        privacyNoticeUrl: notice ?? settings.consent?.privacyNoticeUrl ?? null,
        optIns: settings.optIns.map(({ id, label }) => ({ id, label: textIn(label, language) })),
        transcriptsEnabled: options.transcriptsEnabled,
        quickExitUrl: settings.quickExitUrl,
        preChatQuestions: preChatQuestions(settings, language),
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
