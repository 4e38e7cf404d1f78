import { paths } from '../route-match.ts';
import { Link } from '../router.tsx';
import { PageTitle } from './PageHeading.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found" />
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={paths.chats}>
          Go to chats
        </Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  return (
    <>
      <PageTitle title="You cannot view this page" />
      <p className="govuk-body">Your role does not give you access to this page. Ask an admin if you need it.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={paths.chats}>
          Go to chats
        </Link>
      </p>
    </>
  );
}

export function ServiceProblemPage({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <>
      <PageTitle title="Sorry, there is a problem with the service" />
      <p className="govuk-body">{message}</p>
      <button type="button" className="govuk-button" data-module="govuk-button" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}
