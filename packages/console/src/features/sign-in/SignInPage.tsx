import { useEffect, useState } from 'react';
import { signIn } from '../../api/auth.ts';
import { paths, safeReturnPath } from '../../route-match.ts';
import { navigate, useSearchParam } from '../../router.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { SignInField } from './validate-sign-in.ts';
import { validateSignIn } from './validate-sign-in.ts';
import { SingleSignOnButton, SingleSignOnProblem, useAuthMethods, useSingleSignOnMessage } from './SingleSignOn.tsx';

const fieldIds: Record<SignInField, string> = { email: 'email', password: 'password' };

export function SignInPage() {
  const { session, signedIn } = useSession();
  const next = safeReturnPath(useSearchParam('next')) ?? paths.chats;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit(fieldIds, ['email', 'password']);
  const methods = useAuthMethods();
  const ssoMessage = useSingleSignOnMessage();

  // Someone already signed in has nothing to do here.
  const alreadySignedIn = session.status === 'signed-in';
  useEffect(() => {
    if (alreadySignedIn) navigate(next, { replace: true });
  }, [alreadySignedIn, next]);

  const check = () =>
    sendIfValid(validateSignIn(email, password), async () => {
      signedIn(await signIn({ email: email.trim(), password }));
      navigate(next);
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        {hasErrors ? null : <SingleSignOnProblem message={ssoMessage} />}
        <PageTitle title="Sign in" heading="Sign in to Ward" hasErrors={hasErrors || ssoMessage !== null} />
        {session.status === 'signed-out' && session.expired ? (
          <div className="govuk-inset-text">You have been signed out. Sign in again to continue.</div>
        ) : null}
        <SingleSignOnButton methods={methods} next={next} />
        <form noValidate hidden={methods?.password === false} onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id={fieldIds.email}
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onValueChange={setEmail}
            error={errors.email}
          />
          <TextInput
            id={fieldIds.password}
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            error={errors.password}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}
