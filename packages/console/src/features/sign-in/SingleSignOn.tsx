import { useEffect, useState } from 'react';
import { ssoOutcomes, type AuthMethods, type SsoOutcome } from '@ward/protocol';
import { fetchAuthMethods } from '../../api/single-sign-on.ts';
import { useSearchParam } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { useSignInTexts } from './texts.ts';

/** The sign-in methods Ward offers; null until known (or when Ward cannot say: the password form shows). */
export function useAuthMethods(): AuthMethods | null {
  const [methods, setMethods] = useState<AuthMethods | null>(null);
  useEffect(() => {
    let current = true;
    fetchAuthMethods().then(
      (answer) => current && setMethods(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return methods;
}

/** Why the council's identity provider sent the person back here (`?sso=refused`), as a sentence; else null. */
export function useSingleSignOnMessage(): string | null {
  const outcome = useSearchParam('sso');
  const says = useSignInTexts().ssoOutcomes;
  return ssoOutcomes.includes(outcome as SsoOutcome) ? says[outcome as SsoOutcome] : null;
}

/** The single sign-on outcome as an error summary (it takes focus, so it is heard first). */
export function SingleSignOnProblem({ message }: { message: string | null }) {
  return <ErrorSummary errors={message ? [{ text: message }] : []} attempt={0} />;
}

/**
 * The button to sign in with the council's account (ADR 23): an ordinary link, since the browser
 * leaves Ward for the identity provider, and comes back to `next`. Shown only when single sign-on is set up.
 */
export function SingleSignOnButton({ methods, next }: { methods: AuthMethods | null; next: string }) {
  const texts = useSignInTexts();
  if (!methods?.sso) return null;
  return (
    <>
      <a
        href={`${methods.sso.startUrl}?next=${encodeURIComponent(next)}`}
        role="button"
        draggable="false"
        className="govuk-button"
        data-module="govuk-button"
      >
        {methods.sso.label}
      </a>
      {methods.password ? <h2 className="govuk-heading-m">{texts.orWithPassword}</h2> : null}
    </>
  );
}
