import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CorrectFormAnswerBody,
  FormDefinition,
  FormSubmissionView,
  SubmitFormBody,
  SubmitFormResponse,
} from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { submissionFromPage, type UrlEncodedBody } from '../../features/forms/form-input.rules.ts';
import { findForm, FormAnswersInvalid, submitForm } from '../../features/forms/submit-form.ts';
import { readFormSubmission } from '../../features/forms/read-form-submission.ts';
import { correctFormAnswer } from '../../features/forms/correct-form-answer.ts';
import type { ApiRouter } from './api-router.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';
import { fill, textsIn, waitIn } from '../../shared/resident-texts/resident-texts.ts';
import { formInLanguage } from '../../shared/localised-forms.ts';
import { staffOf } from './authorise.ts';
import { registerFormAssets } from './forms-pages-assets.ts';
import { confirmationPage, formPage, listPage, problemPage, type Site } from './forms-pages.ts';
import { inLanguage, languageOfRequest, sendPage } from './forms-pages-html.ts';
import { acceptUrlEncodedForms } from './urlencoded-body.ts';
import { registerLeaveAMessagePages } from './leave-a-message-pages.ts';
import {
  formConfirmationCookie,
  formConfirmationKey,
  formConfirmationMaxAgeSeconds,
  openFormConfirmation,
  sealFormConfirmation,
} from './form-confirmation-cookie.ts';

const FormParams = z.object({ organisation: z.string().max(40), formId: z.string().max(40) });

/** Online forms (issue 4): the JSON API, the staff read, and the public pages that work without JavaScript. */
export async function registerFormRoutes(
  http: FastifyInstance,
  api: ApiRouter,
  ctx: ServiceContext,
  options: { secureCookies: boolean; limiter: RateLimiter },
): Promise<void> {
  registerFormApi(api, ctx, options.limiter);
  // Encapsulated: the urlencoded parser and the HTML error pages apply to these routes only.
  await http.register(async (scope) => registerFormPages(scope, ctx, options));
}

function registerFormApi(api: ApiRouter, ctx: ServiceContext, limiter: RateLimiter): void {
  api.route(
    {
      method: 'GET',
      url: '/api/forms/:organisation',
      summary: 'A council’s online forms',
      tag: 'forms',
      access: 'public',
      params: z.object({ organisation: z.string().max(40) }),
      response: z.object({ forms: z.array(FormDefinition) }),
    },
    async ({ params }) => {
      if (params.organisation !== ctx.organisation.slug)
        throw new AppError('not_found', 'This council’s forms were not found');
      return { forms: ctx.organisation.settings.forms };
    },
  );

  api.route(
    {
      method: 'POST',
      url: '/api/forms/:organisation/:formId/submissions',
      summary: 'Send a form: opens a case and returns its reference (400 lists the fields to fix)',
      tag: 'forms',
      access: 'public',
      params: FormParams,
      body: SubmitFormBody,
      response: SubmitFormResponse,
      status: 201,
    },
    async ({ params, body, request, reply }) => {
      const form = findForm(ctx, params.organisation, params.formId);
      try {
        // Answers to correct are given back (guard): only forms that were sent count.
        const submitted = await limiter.guard('form-submissions', request.ip, () => submitForm(ctx, form, body));
        return reply.code(201).send({ caseReference: submitted.caseReference } satisfies SubmitFormResponse);
      } catch (error) {
        if (!(error instanceof FormAnswersInvalid)) throw error;
        const fields = error.errors.map(({ field, message }) => ({ field, message }));
        // `reason` and the field ids let a council's own page say what to fix in Welsh (ADR 50).
        const detail = { code: 'bad_request', reason: 'form-answers-invalid', message: error.message, fields };
        return reply.code(400).send({ error: detail });
      }
    },
  );

  api.route(
    {
      method: 'GET',
      url: '/api/cases/:id/form-submission',
      summary: 'The answers of the form that opened a case (audited)',
      tag: 'forms',
      access: 'staff',
      params: z.object({ id: z.uuid('That is not a case id') }),
      response: FormSubmissionView,
    },
    async ({ params, request }) => readFormSubmission(ctx, staffOf(request), params.id),
  );

  api.route(
    {
      method: 'PUT',
      url: '/api/form-submissions/:id/answers/:fieldId',
      summary: 'Correct one answer of a form, with a reason (rectification; the earlier answer is kept)',
      tag: 'forms',
      access: 'staff',
      params: z.object({ id: z.uuid('That is not a form id'), fieldId: z.string().max(40) }),
      body: CorrectFormAnswerBody,
      response: FormSubmissionView,
    },
    async ({ params, body, request }) => correctFormAnswer(ctx, staffOf(request), params.id, params.fieldId, body),
  );
}

/** No script at all: styles, fonts and images from Ward only; forms post back to Ward only. */

async function registerFormPages(
  scope: FastifyInstance,
  ctx: ServiceContext,
  options: { secureCookies: boolean; limiter: RateLimiter },
): Promise<void> {
  const confirmationKey = formConfirmationKey(ctx.indexKey);
  // Each page in the resident's language (ADR 50): `?lang=`, else Accept-Language, else English.
  const siteFor = (request: FastifyRequest): Site => ({
    organisationName: ctx.organisation.name,
    organisationSlug: ctx.organisation.slug,
    ...languageOfRequest(request),
  });
  const notUnderstood = (site: Site) => {
    const says = textsIn(site.language ?? 'en').forms;
    return problemPage(site, says.notSent, says.goBackToForm);
  };

  acceptUrlEncodedForms(scope);

  scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const site = siteFor(request);
    const language = site.language ?? 'en';
    const says = textsIn(language).forms;
    const status = error instanceof AppError ? error.httpStatus : (error.statusCode ?? 500);
    if (status === 404) return sendPage(reply, 404, problemPage(site, says.pageNotFound, says.checkAddress));
    if (status === 413) return sendPage(reply, 413, problemPage(site, says.tooLong, says.shortenAnswers));
    if (error instanceof AppError && error.code === 'rate_limited') {
      reply.header('retry-after', String(error.retryAfterSeconds ?? 60));
      const wait = waitIn(error.retryAfterSeconds ?? 60, language);
      return sendPage(reply, 429, problemPage(site, says.tooMany, fill(says.tooManyWait, { wait })));
    }
    // The shared text rule names the field (in English: its message is Ward's); other refusals stay general.
    if (error instanceof AppError && error.code === 'bad_request')
      return sendPage(
        reply,
        400,
        problemPage(
          site,
          says.notSent,
          language === 'en' ? fill(says.notSentBecause, { reason: error.message }) : says.goBackToForm,
        ),
      );
    if (status >= 400 && status < 500) return sendPage(reply, status, notUnderstood(site));
    request.log.error({ err: error }, 'form page failed');
    return sendPage(reply, 500, problemPage(site, says.serviceProblem, says.tryLater));
  });

  registerFormAssets(scope);
  registerLeaveAMessagePages(scope, ctx, siteFor, options);
  const params = (request: FastifyRequest) => request.params as { organisation: string; formId?: string };
  const requireOrganisation = (slug: string) => {
    if (slug !== ctx.organisation.slug) throw new AppError('not_found', 'This council’s forms were not found');
  };

  scope.get('/forms/:organisation', async (request, reply) => {
    requireOrganisation(params(request).organisation);
    return reply.redirect(`/forms/${encodeURIComponent(ctx.organisation.slug)}/`, 301);
  });
  scope.get('/forms/:organisation/', async (request, reply) => {
    requireOrganisation(params(request).organisation);
    const site = siteFor(request);
    const forms = ctx.organisation.settings.forms.map((form) => formInLanguage(form, site.language ?? 'en'));
    return sendPage(reply, 200, listPage(site, forms));
  });
  const shownForm = (request: FastifyRequest, site: Site) => {
    const { organisation, formId } = params(request);
    const form = findForm(ctx, organisation, formId ?? '');
    return { form, shown: formInLanguage(form, site.language ?? 'en') };
  };
  scope.get('/forms/:organisation/:formId', async (request, reply) => {
    const site = siteFor(request);
    return sendPage(reply, 200, formPage(site, shownForm(request, site).shown));
  });
  scope.get('/forms/:organisation/:formId/sent', async (request, reply) => {
    const site = siteFor(request);
    const { form, shown } = shownForm(request, site);
    const confirmation = openFormConfirmation(confirmationKey, request.cookies[formConfirmationCookie]);
    // Expired or never sent: back to the (empty) form rather than an error.
    if (!confirmation) return reply.redirect(inLanguage(formPath(form.id), site.language ?? 'en', site.pinned), 303);
    return sendPage(reply, 200, confirmationPage(site, shown, confirmation));
  });
  const formPath = (formId: string) =>
    `/forms/${encodeURIComponent(ctx.organisation.slug)}/${encodeURIComponent(formId)}`;
  scope.post('/forms/:organisation/:formId', async (request, reply) => {
    const site = siteFor(request);
    const language = site.language ?? 'en';
    const { form, shown } = shownForm(request, site);
    if (!request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded'))
      return sendPage(reply, 415, notUnderstood(site));
    const posted = submissionFromPage(form, request.body as UrlEncodedBody);
    // A filled-in trap means a robot: refused like any malformed post, and nothing is stored.
    if (!posted.ok || posted.honeypotFilled) return sendPage(reply, 400, notUnderstood(site));
    try {
      const submitted = await options.limiter.guard('form-submissions', request.ip, () =>
        submitForm(ctx, form, posted.input, new Date(), 'form-submitted', language),
      );
      const sentPath = `${formPath(form.id)}/sent`;
      reply.setCookie(
        formConfirmationCookie,
        sealFormConfirmation(confirmationKey, {
          caseReference: submitted.caseReference,
          emailed: submitted.emailed,
          redactions: submitted.redactions,
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
      return sendPage(
        reply,
        400,
        formPage(site, shown, { answers: posted.input.answers, consent: posted.input.consent, errors: error.errors }),
      );
    }
  });
}
