import { passwordMinLength } from '@ward/protocol';
import { useState } from 'react';
import { changePassword } from '../../api/auth.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { roleNames } from '../../session/roles.ts';
import { useStaff } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import {
  validatePasswordChange,
  type PasswordChangeAnswers,
  type PasswordChangeField,
} from './validate-password-change.ts';

const fieldIds: Record<PasswordChangeField, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-new-password',
};
const empty: PasswordChangeAnswers = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** "Your account": who you are signed in as, and a new password (your other sessions end). */
export function AccountPage() {
  const staff = useStaff();
  const [answers, setAnswers] = useState(empty);
  const [changed, setChanged] = useState(false);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(fieldIds, [
    'currentPassword',
    'newPassword',
    'confirmPassword',
  ]);
  const update = (field: PasswordChangeField) => (value: string) =>
    setAnswers((current) => ({ ...current, [field]: value }));

  const check = () =>
    sendIfValid(validatePasswordChange(answers), async () => {
      await changePassword({ currentPassword: answers.currentPassword, newPassword: answers.newPassword });
      setAnswers(empty);
      setChanged(true);
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        {changed ? (
          <NotificationBanner
            success
            heading="Password changed. You are still signed in here, and signed out on every other device and browser."
          />
        ) : null}
        <PageTitle title="Your account" hasErrors={hasErrors} />
        <SummaryList
          rows={[
            { key: 'Name', value: `${staff.firstName} ${staff.lastName}` },
            { key: 'Email address', value: staff.email },
            { key: 'Role', value: roleNames[staff.role] },
          ]}
        />
        <h2 className="govuk-heading-m">Two-step sign-in</h2>
        <p className="govuk-body">
          <Link className="govuk-link" href={paths.mfa}>
            Set up or change two-step sign-in
          </Link>{' '}
          (a code from an app on your phone as well as your password).
        </p>
        <h2 className="govuk-heading-m">Change your password</h2>
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id={fieldIds.currentPassword}
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={answers.currentPassword}
            onValueChange={update('currentPassword')}
            error={errors.currentPassword}
          />
          <TextInput
            id={fieldIds.newPassword}
            label="New password"
            hint={`Must be ${passwordMinLength} characters or more. You will be signed out everywhere else.`}
            type="password"
            autoComplete="new-password"
            value={answers.newPassword}
            onValueChange={update('newPassword')}
            error={errors.newPassword}
          />
          <TextInput
            id={fieldIds.confirmPassword}
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            value={answers.confirmPassword}
            onValueChange={update('confirmPassword')}
            error={errors.confirmPassword}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
            Change password
          </button>
        </form>
      </div>
    </div>
  );
}
