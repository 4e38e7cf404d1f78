import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { leaveAMessageFormOf, leaveAMessageTopicField } from '../../shared/leave-a-message-form.ts';
import { submissionFromPage, type UrlEncodedBody } from '../../features/forms/form-input.rules.ts';
import { FormAnswersInvalid } from '../../features/forms/submit-form.ts';
import { leaveAMessage, topicOfChat } from '../../features/forms/leave-a-message.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';
import { confirmationPage, formPage, problemPage, type Site } from './forms-pages.ts';
import { inLanguage, sendPage } from './forms-pages-html.ts';
import { textsIn } from '../../shared/resident-texts/resident-texts.ts';
import {
  formConfirmationCookie,
  formConfirmationKey,
  formConfirmationMaxAgeSeconds,
  openFormConfirmation,
  sealFormConfirmation,
} from './form-confirmation-cookie.ts';

/** The hidden field that carries the resident's chat (its visitor token), so leaving a message ends it. */
const chatField = 'chat';

/**
 * "Leave a message" (issue 11, ADR 40), in the forms pages' scope (their parser, error pages and
 * styles): GET for a link (`?topic=` chooses the topic), POST `/start` from the widget with the
 * chat's token and topic, POST to send, then the confirmation with the case reference.
 */
export function registerLeaveAMessagePages(
  scope: FastifyInstance,
  ctx: ServiceContext,
  siteFor: (request: FastifyRequest) => Site,
  options: { secureCookies: boolean; limiter: RateLimiter },
): void {
  const confirmationKey = formConfirmationKey(ctx.indexKey);
  const base = `/leave-a-message/${encodeURIComponent(ctx.organisation.slug)}`;
  const form = (site: Site) => leaveAMessageFormOf(ctx.organisation.settings, site.language);
  const requireOrganisation = (request: FastifyRequest) => {
    if ((request.params as { organisation: string }).organisation !== ctx.organisation.slug)
      throw new AppError('not_found', 'This page was not found');
  };
  const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
  const topicAnswer = (topic: string | undefined): Record<string, string> =>
    topic && ctx.organisation.settings.topics.some((t) => t.id === topic) ? { [leaveAMessageTopicField]: topic } : {};
  const urlEncoded = (request: FastifyRequest) =>
    request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') ?? false;
  const notUnderstood = (site: Site) => {
    const says = textsIn(site.language ?? 'en').forms;
    return problemPage(site, says.messageNotSent, says.goBack);
  };
  const hiddenChat = (token: string | undefined) => (token ? { [chatField]: token.slice(0, 200) } : undefined);

  scope.get('/leave-a-message/:organisation', async (request, reply) => {
    requireOrganisation(request);
    const site = siteFor(request);
    const topic = single((request.query as Record<string, string | string[] | undefined>).topic);
    return sendPage(reply, 200, formPage(site, form(site), { answers: topicAnswer(topic), action: base }));
  });

  scope.post('/leave-a-message/:organisation/start', async (request, reply) => {
    requireOrganisation(request);
    const site = siteFor(request);
    if (!urlEncoded(request)) return sendPage(reply, 415, notUnderstood(site));
    const body = request.body as UrlEncodedBody;
    const chat = single(body[chatField]);
    const topic = single(body.topic) ?? (chat ? await topicOfChat(ctx, chat) : null) ?? undefined;
    const page = formPage(site, form(site), {
      answers: topicAnswer(topic),
      action: base,
      hidden: hiddenChat(chat),
    });
    return sendPage(reply, 200, page);
  });

  scope.post('/leave-a-message/:organisation', async (request, reply) => {
    requireOrganisation(request);
    const site = siteFor(request);
    const language = site.language ?? 'en';
    if (!urlEncoded(request)) return sendPage(reply, 415, notUnderstood(site));
    const { [chatField]: chat, ...body } = request.body as UrlEncodedBody;
    if (Array.isArray(chat)) return sendPage(reply, 400, notUnderstood(site));
    const posted = submissionFromPage(form(site), body);
    // A filled-in trap means a robot: refused like any malformed post, and nothing is stored.
    if (!posted.ok || posted.honeypotFilled) return sendPage(reply, 400, notUnderstood(site));
    try {
      const sent = await options.limiter.guard('form-submissions', request.ip, () =>
        leaveAMessage(ctx, posted.input, chat || null, new Date(), language),
      );
      const sentPath = `${base}/sent`;
      reply.setCookie(
        formConfirmationCookie,
        sealFormConfirmation(confirmationKey, {
          caseReference: sent.caseReference,
          emailed: sent.emailed,
          redactions: sent.redactions,
        }),
        {
          path: sentPath,
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          maxAge: formConfirmationMaxAgeSeconds,
        },
      );
      return reply.redirect(inLanguage(sentPath, language, site.pinned), 303);
    } catch (error) {
      if (!(error instanceof FormAnswersInvalid)) throw error;
      const page = formPage(site, form(site), {
        answers: posted.input.answers,
        consent: posted.input.consent,
        errors: error.errors,
        action: base,
        hidden: hiddenChat(chat),
      });
      return sendPage(reply, 400, page);
    }
  });

  scope.get('/leave-a-message/:organisation/sent', async (request, reply) => {
    requireOrganisation(request);
    const site = siteFor(request);
    const confirmation = openFormConfirmation(confirmationKey, request.cookies[formConfirmationCookie]);
    if (!confirmation) return reply.redirect(inLanguage(base, site.language ?? 'en', site.pinned), 303);
    const heading = textsIn(site.language ?? 'en').forms.messageSent;
    return sendPage(reply, 200, confirmationPage(site, form(site), confirmation, heading, `${base}/sent`));
  });
}
