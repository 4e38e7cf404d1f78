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
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { InvitationAnswers, InvitationField } from './validate-invitation.ts';
import { validateInvitation } from './validate-invitation.ts';
import { useInvitationsTexts } from './texts.ts';

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
  const texts = useInvitationsTexts();
  const title =
    loaded.status === 'unusable' ? texts.expiredTitle : loaded.status === 'error' ? texts.problemTitle : texts.title;
  useDocumentTitle(title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>{title}</PageHeading>
        {loaded.status === 'loading' ? <Loading text={texts.checking} /> : null}
        {loaded.status === 'unusable' ? <p className="govuk-body">{texts.askAgain}</p> : null}
        {loaded.status === 'error' ? <p className="govuk-body">{loaded.message}</p> : null}
      </div>
    </div>
  );
}

function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationDetails }) {
  const { signedIn } = useSession();
  const texts = useInvitationsTexts();
  const language = useLanguage();
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
    sendIfValid(validateInvitation(answers, texts.errors), async () => {
      await acceptInvitation(token, {
        ...(answers.email !== null ? { email: answers.email.trim() } : {}),
        firstName: answers.firstName.trim(),
        lastName: answers.lastName.trim(),
        password: answers.password,
      });
      signedIn();
      navigate(paths.chats);
    });

  const title = texts.title;
  useDocumentTitle(title, hasErrors);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageHeading caption="Ward">{title}</PageHeading>
        <p className="govuk-body">{texts.invited(formatDateTime(invitation.expiresAt, language))}</p>
        <SummaryList
          rows={[
            ...(invitation.email === null ? [] : [{ key: texts.emailAddress, value: invitation.email }]),
            { key: texts.role, value: texts.roles[invitation.role] },
          ]}
        />
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          {answers.email !== null ? (
            <TextInput
              id={fieldIds.email}
              label={texts.emailAddress}
              hint={texts.emailHint}
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
            label={texts.firstName}
            autoComplete="given-name"
            spellCheck={false}
            value={answers.firstName}
            onValueChange={update('firstName')}
            error={errors.firstName}
            widthClassName="govuk-!-width-two-thirds"
          />
          <TextInput
            id={fieldIds.lastName}
            label={texts.lastName}
            autoComplete="family-name"
            spellCheck={false}
            value={answers.lastName}
            onValueChange={update('lastName')}
            error={errors.lastName}
            widthClassName="govuk-!-width-two-thirds"
          />
          <TextInput
            id={fieldIds.password}
            label={texts.password}
            hint={texts.passwordHint(passwordMinLength)}
            type="password"
            autoComplete="new-password"
            value={answers.password}
            onValueChange={update('password')}
            error={errors.password}
          />
          <TextInput
            id={fieldIds.confirmPassword}
            label={texts.confirmPassword}
            type="password"
            autoComplete="new-password"
            value={answers.confirmPassword}
            onValueChange={update('confirmPassword')}
            error={errors.confirmPassword}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {texts.createAccount}
          </button>
        </form>
      </div>
    </div>
  );
}
