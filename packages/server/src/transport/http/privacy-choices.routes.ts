import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { purposeLabels, readPrivacyChoices, withdrawPrivacyChoice } from '../../features/consents/privacy-choices.ts';
import { readPrivacyNotice } from '../../features/consents/privacy-notices.ts';
import { sendPage } from './forms-pages-html.ts';
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
    const notFoundPage = () =>
      choicesProblemPage(
        council,
        'This link has expired or is not right',
        'Use the link in the most recent email we sent you, or contact us quoting your case reference.',
      );
    acceptUrlEncodedForms(scope);
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error instanceof AppError ? error.httpStatus : (error.statusCode ?? 500);
      if (status === 404) return sendPage(reply, 404, notFoundPage());
      if (error instanceof AppError && error.code === 'conflict')
        return sendPage(reply, 409, choicesProblemPage(council, 'Already withdrawn', `${error.message}.`));
      if (status >= 400 && status < 500)
        return sendPage(
          reply,
          400,
          choicesProblemPage(council, 'Your choice could not be saved', 'Go back to the page and try again.'),
        );
      request.log.error({ err: error }, 'privacy choices page failed');
      return sendPage(
        reply,
        500,
        choicesProblemPage(council, 'Sorry, there is a problem with the service', 'Try again later.'),
      );
    });

    const site = () => ({ organisationName: council, purposeLabels: purposeLabels(ctx.organisation.settings) });
    const tokenOf = (params: unknown) => {
      const token = (params as { token: string }).token;
      if (!tokenPattern.test(token)) throw new AppError('not_found', 'Unknown link');
      return token;
    };

    scope.get('/privacy/choices/:token', async (request, reply) => {
      const token = tokenOf(request.params);
      const consents = await readPrivacyChoices(ctx.db, token);
      if (!consents) throw new AppError('not_found', 'Unknown link');
      return sendPage(reply, 200, privacyChoicesPage(site(), `/privacy/choices/${token}`, consents, null));
    });

    scope.post('/privacy/choices/:token', async (request, reply) => {
      const token = tokenOf(request.params);
      const consentId = (request.body as Record<string, unknown> | undefined)?.consentId;
      if (typeof consentId !== 'string' || !uuidPattern.test(consentId))
        throw new AppError('bad_request', 'Choose a consent');
      const withdrawn = await withdrawPrivacyChoice(ctx.db, token, consentId);
      const consents = (await readPrivacyChoices(ctx.db, token)) ?? [];
      return sendPage(reply, 200, privacyChoicesPage(site(), `/privacy/choices/${token}`, consents, withdrawn));
    });

    scope.get('/privacy-notice/:version', async (request, reply) => {
      const { version } = request.params as { version: string };
      const notice = versionPattern.test(version) ? await readPrivacyNotice(ctx, version) : null;
      if (!notice) throw new AppError('not_found', 'No such notice');
      if (notice.url) return reply.redirect(notice.url, 302);
      return sendPage(reply, 200, privacyNoticePage(council, notice.version, notice.body ?? ''));
    });
  });
}
