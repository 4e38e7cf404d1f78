import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { purposeLabels, readPrivacyChoices, withdrawPrivacyChoice } from '../../features/consents/privacy-choices.ts';
import { readPrivacyNotice } from '../../features/consents/privacy-notices.ts';
import { languageOfRequest, sendPage } from './forms-pages-html.ts';
import { textsIn } from '../../shared/resident-texts/resident-texts.ts';
import { acceptUrlEncodedForms } from './urlencoded-body.ts';
import { choicesProblemPage, privacyChoicesPage, privacyNoticePage } from './privacy-choices-pages.ts';

const tokenPattern = /^[A-Za-z0-9_-]{32}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const versionPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * The resident's privacy choices (ADR 37): the link in every email shows their consents and lets
 * them withdraw one, without JavaScript; and the privacy notices Ward holds as text.
 */
export async function registerPrivacyChoicePages(http: FastifyInstance, ctx: ServiceContext): Promise<void> {
  await http.register(async (scope) => {
    const council = ctx.organisation.name;
    // In the resident's language (ADR 50): the link in a Welsh email carries `?lang=cy`.
    const saysFor = (request: FastifyRequest) => {
      const { language } = languageOfRequest(request);
      return { language, says: textsIn(language).privacyChoices };
    };
    acceptUrlEncodedForms(scope);
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const { language, says } = saysFor(request);
      const problem = (title: string, message: string) => choicesProblemPage(council, title, message, language);
      const status = error instanceof AppError ? error.httpStatus : (error.statusCode ?? 500);
      if (status === 404) return sendPage(reply, 404, problem(says.linkNotRight, says.useLatestLink));
      if (error instanceof AppError && error.code === 'conflict')
        return sendPage(reply, 409, problem(says.alreadyWithdrawn, says.alreadyWithdrawnMessage));
      if (status >= 400 && status < 500) return sendPage(reply, 400, problem(says.notSaved, says.goBack));
      request.log.error({ err: error }, 'privacy choices page failed');
      return sendPage(reply, 500, problem(says.serviceProblem, says.tryLater));
    });

    const site = (request: FastifyRequest) => ({
      organisationName: council,
      purposeLabels: purposeLabels(ctx.organisation.settings),
      ...languageOfRequest(request),
    });
    const tokenOf = (params: unknown) => {
      const token = (params as { token: string }).token;
      if (!tokenPattern.test(token)) throw new AppError('not_found', 'Unknown link');
      return token;
    };

    scope.get('/privacy/choices/:token', async (request, reply) => {
      const token = tokenOf(request.params);
      const consents = await readPrivacyChoices(ctx.db, token);
      if (!consents) throw new AppError('not_found', 'Unknown link');
      return sendPage(reply, 200, privacyChoicesPage(site(request), `/privacy/choices/${token}`, consents, null));
    });

    scope.post('/privacy/choices/:token', async (request, reply) => {
      const token = tokenOf(request.params);
      const consentId = (request.body as Record<string, unknown> | undefined)?.consentId;
      if (typeof consentId !== 'string' || !uuidPattern.test(consentId))
        throw new AppError('bad_request', 'Choose a consent');
      const withdrawn = await withdrawPrivacyChoice(ctx.db, token, consentId);
      const consents = (await readPrivacyChoices(ctx.db, token)) ?? [];
      return sendPage(reply, 200, privacyChoicesPage(site(request), `/privacy/choices/${token}`, consents, withdrawn));
    });

    scope.get('/privacy-notice/:version', async (request, reply) => {
      const { version } = request.params as { version: string };
      const notice = versionPattern.test(version) ? await readPrivacyNotice(ctx, version) : null;
      if (!notice) throw new AppError('not_found', 'No such notice');
      if (notice.url) return reply.redirect(notice.url, 302);
      return sendPage(
        reply,
        200,
        privacyNoticePage(council, notice.version, notice.body ?? '', languageOfRequest(request).language),
      );
    });
  });
}
