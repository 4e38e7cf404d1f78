import type { InvitationDetails } from '@ward/protocol';
import { passwordMinLength } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors.ts';
import { acceptInvitation, fetchInvitation } from '../../api/invitations.ts';
import { paths } from '../../route-match.ts';
import { navigate } from '../../router.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { InvitationAnswers, InvitationField } from './validate-invitation.ts';
import { validateInvitation } from './validate-invitation.ts';
import { roleNames } from '../../session/roles.ts';

const fieldIds: Record<InvitationField, string> = {
  email: 'email',
  firstName: 'first-name',
  lastName: 'last-name',
  password: 'password',
  confirmPassword: 'confirm-password',
};
const fieldOrder: InvitationField[] = ['email', 'firstName', 'lastName', 'password', 'confirmPassword'];

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; invitation: InvitationDetails }
  | { status: 'unusable' }
  | { status: 'error'; message: string };

/** Accepting an invitation (also how the first admin sets up their account). */
export function AcceptInvitationPage({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    fetchInvitation(token).then(
      (invitation) => !cancelled && setLoaded({ status: 'ready', invitation }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 410))
          setLoaded({ status: 'unusable' });
        else setLoaded({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (loaded.status === 'ready') return <AcceptInvitationForm token={token} invitation={loaded.invitation} />;
  return <InvitationProblem loaded={loaded} />;
}

function InvitationProblem({ loaded }: { loaded: Exclude<Loaded, { status: 'ready' }> }) {
  const title =
    loaded.status === 'unusable'
      ? 'This invitation link has expired or has already been used'
      : loaded.status === 'error'
        ? 'Sorry, there is a problem with the service'
        : 'Create your account';
  useDocumentTitle(title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>{title}</PageHeading>
        {loaded.status === 'loading' ? <Loading text="Checking your invitation…" /> : null}
        {loaded.status === 'unusable' ? (
          <p className="govuk-body">
            Ask an admin to invite you again. If you already have an account, sign in instead.
          </p>
        ) : null}
        {loaded.status === 'error' ? <p className="govuk-body">{loaded.message}</p> : null}
      </div>
    </div>
  );
}

function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationDetails }) {
  const { signedIn } = useSession();
  const [answers, setAnswers] = useState<InvitationAnswers>({
    email: invitation.email === null ? '' : null,
    firstName: '',
    lastName: '',
    password: '',
    confirmPassword: '',
  });
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit(fieldIds, fieldOrder);

  const update = (field: InvitationField) => (value: string) =>
    setAnswers((current) => ({ ...current, [field]: value }));

  const check = () =>
    sendIfValid(validateInvitation(answers), async () => {
      await acceptInvitation(token, {
        ...(answers.email !== null ? { email: answers.email.trim() } : {}),
        firstName: answers.firstName.trim(),
        lastName: answers.lastName.trim(),
        password: answers.password,
      });
      signedIn();
      navigate(paths.chats);
    });

  const title = 'Create your account';
  useDocumentTitle(title, hasErrors);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageHeading caption="Ward">{title}</PageHeading>
        <p className="govuk-body">
          You have been invited to use Ward. This invitation expires on {formatDateTime(invitation.expiresAt)}.
        </p>
        <SummaryList
          rows={[
            ...(invitation.email === null ? [] : [{ key: 'Email address', value: invitation.email }]),
            { key: 'Role', value: roleNames[invitation.role] },
          ]}
        />
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          {answers.email !== null ? (
            <TextInput
              id={fieldIds.email}
              label="Email address"
              hint="You will use this to sign in"
              type="email"
              autoComplete="email"
              spellCheck={false}
              value={answers.email}
              onValueChange={update('email')}
              error={errors.email}
            />
          ) : null}
          <TextInput
            id={fieldIds.firstName}
            label="First name"
            autoComplete="given-name"
            spellCheck={false}
            value={answers.firstName}
            onValueChange={update('firstName')}
            error={errors.firstName}
            widthClassName="govuk-!-width-two-thirds"
          />
          <TextInput
            id={fieldIds.lastName}
            label="Last name"
            autoComplete="family-name"
            spellCheck={false}
            value={answers.lastName}
            onValueChange={update('lastName')}
            error={errors.lastName}
            widthClassName="govuk-!-width-two-thirds"
          />
          <TextInput
            id={fieldIds.password}
            label="Password"
            hint={`Must be ${passwordMinLength} characters or more. A few unrelated words make a strong password that is easy to remember.`}
            type="password"
            autoComplete="new-password"
            value={answers.password}
            onValueChange={update('password')}
            error={errors.password}
          />
          <TextInput
            id={fieldIds.confirmPassword}
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            value={answers.confirmPassword}
            onValueChange={update('confirmPassword')}
            error={errors.confirmPassword}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Create account
          </button>
        </form>
      </div>
    </div>
  );
}
