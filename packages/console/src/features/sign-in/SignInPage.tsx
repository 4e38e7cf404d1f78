import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { signIn } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { paths, safeReturnPath } from '../../route-match.ts';
import { navigate, useSearchParam } from '../../router.tsx';
import { useSession } from '../../session/session.tsx';
import type { ErrorItem } from '../../ui/ErrorSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import { errorItems } from '../../ui/validation.ts';
import type { SignInField } from './validate-sign-in.ts';
import { validateSignIn } from './validate-sign-in.ts';

const fieldIds: Record<SignInField, string> = { email: 'email', password: 'password' };

export function SignInPage() {
  const { session, signedIn } = useSession();
  const next = safeReturnPath(useSearchParam('next')) ?? paths.chats;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<SignInField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  // Someone already signed in has nothing to do here.
  const alreadySignedIn = session.status === 'signed-in';
  useEffect(() => {
    if (alreadySignedIn) navigate(next, { replace: true });
  }, [alreadySignedIn, next]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = validateSignIn(email, password);
    setErrors(found);
    setFormError(null);
    setAttempt((value) => value + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const staff = await signIn({ email: email.trim(), password });
      signedIn(staff);
      navigate(next);
    } catch (error) {
      setFormError(messageOf(error));
      setAttempt((value) => value + 1);
      setBusy(false);
    }
  }

  const summary: ErrorItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...errorItems(errors, fieldIds, ['email', 'password']),
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title="Sign in" heading="Sign in to Ward" hasErrors={summary.length > 0} />
        {session.status === 'signed-out' && session.expired ? (
          <div className="govuk-inset-text">You have been signed out. Sign in again to continue.</div>
        ) : null}
        <form noValidate onSubmit={handleSubmit}>
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
