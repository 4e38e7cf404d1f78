import { paths } from '../route-match.ts';
import { Link } from '../router.tsx';
import { useShellTexts } from '../i18n/shell.ts';
import { PageTitle } from './PageHeading.tsx';

export function NotFoundPage() {
  const texts = useShellTexts();
  return (
    <>
      <PageTitle title={texts.notFoundTitle} />
      <p className="govuk-body">{texts.notFoundAdvice}</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={paths.chats}>
          {texts.goToChats}
        </Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const texts = useShellTexts();
  return (
    <>
      <PageTitle title={texts.forbiddenTitle} />
      <p className="govuk-body">{texts.forbiddenAdvice}</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={paths.chats}>
          {texts.goToChats}
        </Link>
      </p>
    </>
  );
}

export function ServiceProblemPage({ message, onRetry }: { message: string; onRetry: () => void }) {
  const texts = useShellTexts();
  return (
    <>
      <PageTitle title={texts.serviceProblemTitle} />
      <p className="govuk-body">{message}</p>
      <button type="button" className="govuk-button" data-module="govuk-button" onClick={onRetry}>
        {texts.tryAgain}
      </button>
    </>
  );
}
