import { useShellTexts } from '../i18n/shell.ts';

/** Shown while a page loads its data; announced politely. */
export function Loading({ text }: { text?: string }) {
  const texts = useShellTexts();
  return (
    <p className="govuk-body" role="status">
      {text ?? texts.loading}
    </p>
  );
}

/** A failure to load, with the server's message. */
export function LoadError({ message }: { message: string }) {
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">{useShellTexts().thereIsAProblem}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
      </div>
    </div>
  );
}
