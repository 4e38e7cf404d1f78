import { useEffect, useState } from 'react';
import { signIn, verifySignInCode } from '../../api/auth.ts';
import { paths, safeReturnPath } from '../../route-match.ts';
import { navigate, useSearchParam } from '../../router.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { SignInField } from './validate-sign-in.ts';
import { validateSignIn, validateSignInCode } from './validate-sign-in.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSignInTexts } from './texts.ts';
import { SingleSignOnButton, SingleSignOnProblem, useAuthMethods, useSingleSignOnMessage } from './SingleSignOn.tsx';

const fieldIds: Record<SignInField, string> = { email: 'email', password: 'password' };

export function SignInPage() {
  const { session, signedIn } = useSession();
  const next = safeReturnPath(useSearchParam('next')) ?? paths.chats;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The password was right and two-step sign-in is on: the code comes next.
  const [codeStep, setCodeStep] = useState(false);
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit(fieldIds, ['email', 'password']);
  const methods = useAuthMethods();
  const ssoMessage = useSingleSignOnMessage();
  const texts = useSignInTexts();

  // Someone already signed in has nothing to do here.
  const alreadySignedIn = session.status === 'signed-in';
  useEffect(() => {
    if (alreadySignedIn) navigate(next, { replace: true });
  }, [alreadySignedIn, next]);

  const check = () =>
    sendIfValid(validateSignIn(email, password, texts.errors), async () => {
      const answer = await signIn({ email: email.trim(), password });
      if ('mfaRequired' in answer) {
        setPassword('');
        setCodeStep(true);
        return;
      }
      signedIn();
      navigate(next);
    });

  if (codeStep)
    return (
      <CodeStep
        onSignedIn={() => {
          signedIn();
          navigate(next);
        }}
        onStartAgain={() => setCodeStep(false)}
      />
    );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        {hasErrors ? null : <SingleSignOnProblem message={ssoMessage} />}
        <LanguageSwitch />
        <PageTitle title={texts.title} heading={texts.heading} hasErrors={hasErrors || ssoMessage !== null} />
        {session.status === 'signed-out' && session.expired ? (
          <div className="govuk-inset-text">{texts.signedOut}</div>
        ) : null}
        <SingleSignOnButton methods={methods} next={next} />
        <form noValidate hidden={methods?.password === false} onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id={fieldIds.email}
            label={texts.emailAddress}
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onValueChange={setEmail}
            error={errors.email}
          />
          <TextInput
            id={fieldIds.password}
            label={texts.password}
            type="password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            error={errors.password}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {texts.signIn}
          </button>
        </form>
      </div>
    </div>
  );
}

/** Sign-in, second step: the code the authenticator app shows, or a recovery code. */
function CodeStep({ onSignedIn, onStartAgain }: { onSignedIn: () => void; onStartAgain: () => void }) {
  const [code, setCode] = useState('');
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit({ code: 'code' }, ['code']);
  const texts = useSignInTexts();
  const check = () =>
    sendIfValid(validateSignInCode(code, texts.errors), async () => {
      await verifySignInCode(code.trim());
      onSignedIn();
    });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title={texts.codeTitle} heading={texts.codeHeading} hasErrors={hasErrors} />
        <p className="govuk-body">{texts.codeIntro}</p>
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id="code"
            label={texts.code}
            labelClassName="govuk-label--s"
            hint={texts.codeHint}
            autoComplete="one-time-code"
            spellCheck={false}
            widthClassName="govuk-input--width-20"
            value={code}
            onValueChange={setCode}
            error={errors.code}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {texts.continue}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onStartAgain}>
              {texts.startAgain}
            </button>
          </div>
        </form>
        <p className="govuk-body">{texts.lostPhone}</p>
      </div>
    </div>
  );
}
