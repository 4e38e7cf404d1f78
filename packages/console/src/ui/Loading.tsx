/** Shown while a page loads its data; announced politely. */
export function Loading({ text = 'Loading…' }: { text?: string }) {
  return (
    <p className="govuk-body" role="status">
      {text}
    </p>
  );
}

/** A failure to load, with the server's message. */
export function LoadError({ message }: { message: string }) {
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
      </div>
    </div>
  );
}
