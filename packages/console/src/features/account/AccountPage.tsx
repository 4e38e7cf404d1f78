import { passwordMinLength } from '@ward/protocol';
import { useState } from 'react';
import { changePassword } from '../../api/auth.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
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
import { LanguageForm } from './LanguageForm.tsx';
import { useAccountTexts } from './texts.ts';

const fieldIds: Record<PasswordChangeField, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-new-password',
};
const empty: PasswordChangeAnswers = { currentPassword: '', newPassword: '', confirmPassword: '' };

/**
 * "Your account": who you are signed in as, the language of their console (ADR 51), and a new
 * password (your other sessions end).
 */
export function AccountPage() {
  const staff = useStaff();
  const [answers, setAnswers] = useState(empty);
  const texts = useAccountTexts();
  // What was just saved: its banner (the language's is said in the language chosen).
  const [saved, setSaved] = useState<{ what: 'password' | 'language'; id: number } | null>(null);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(fieldIds, [
    'currentPassword',
    'newPassword',
    'confirmPassword',
  ]);
  const update = (field: PasswordChangeField) => (value: string) =>
    setAnswers((current) => ({ ...current, [field]: value }));

  const check = () =>
    sendIfValid(validatePasswordChange(answers, texts.errors), async () => {
      await changePassword({ currentPassword: answers.currentPassword, newPassword: answers.newPassword });
      setAnswers(empty);
      setSaved({ what: 'password', id: Date.now() });
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        {saved ? (
          <NotificationBanner
            key={saved.id}
            success
            heading={saved.what === 'password' ? texts.passwordChanged : texts.languageSaved}
          />
        ) : null}
        <PageTitle title={texts.title} hasErrors={hasErrors} />
        <SummaryList
          rows={[
            { key: texts.name, value: `${staff.firstName} ${staff.lastName}` },
            { key: texts.emailAddress, value: staff.email },
            { key: texts.role, value: texts.roles[staff.role] },
          ]}
        />
        <h2 className="govuk-heading-m">{texts.languageHeading}</h2>
        <LanguageForm onSaved={() => setSaved({ what: 'language', id: Date.now() })} />
        <h2 className="govuk-heading-m">{texts.twoStepHeading}</h2>
        <p className="govuk-body">
          <Link className="govuk-link" href={paths.mfa}>
            {texts.twoStepLink}
          </Link>{' '}
          {texts.twoStepExplained}
        </p>
        <h2 className="govuk-heading-m">{texts.passwordHeading}</h2>
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id={fieldIds.currentPassword}
            label={texts.currentPassword}
            type="password"
            autoComplete="current-password"
            value={answers.currentPassword}
            onValueChange={update('currentPassword')}
            error={errors.currentPassword}
          />
          <TextInput
            id={fieldIds.newPassword}
            label={texts.newPassword}
            hint={texts.newPasswordHint(passwordMinLength)}
            type="password"
            autoComplete="new-password"
            value={answers.newPassword}
            onValueChange={update('newPassword')}
            error={errors.newPassword}
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
          <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
            {texts.changePassword}
          </button>
        </form>
      </div>
    </div>
  );
}
