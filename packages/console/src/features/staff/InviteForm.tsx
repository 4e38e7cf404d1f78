import type { Department, InvitationResponse, StaffRole } from '@ward/protocol';
import { useRef, useState } from 'react';
import { inviteStaff } from '../../api/staff.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { sendIfValid } from '../../ui/form-submission.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { DepartmentCheckboxes } from './DepartmentCheckboxes.tsx';
import type { DepartmentsField } from './validate-departments.ts';
import { validateDepartments } from './validate-departments.ts';
import type { InviteField } from './validate-invite.ts';
import { validateInvite } from './validate-invite.ts';
import { roleOptions } from './role-options.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useStaffTexts } from './texts.ts';

const fieldIds: Record<InviteField | DepartmentsField, string> = {
  email: 'invite-email',
  role: 'invite-role',
  departments: 'invite-departments',
};

/** "Invite a member of staff": email, role and (optionally) departments; shows the invitation link to pass on. */
export function InviteForm({
  onInvited,
  departments = [],
}: {
  onInvited: () => void;
  departments?: readonly Department[];
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole | ''>('');
  const [chosenDepartments, setChosenDepartments] = useState<string[]>([]);
  const { errors, summary, attempt, submit } = useFormSubmit(fieldIds, ['email', 'role', 'departments']);
  const [created, setCreated] = useState<{ email: string; invitation: InvitationResponse } | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);
  const texts = useStaffTexts();
  const language = useLanguage();

  function check(): FormCheck<InviteField | DepartmentsField> {
    const found = {
      ...validateInvite(email, role, texts.errors),
      ...validateDepartments(chosenDepartments, departments, texts.errors),
    };
    // validateInvite asks for a role, so this only narrows `role` for the request.
    if (role === '') return { errors: found };
    return sendIfValid(found, async () => {
      const invitation = await inviteStaff({ email: email.trim(), role, departments: chosenDepartments });
      setCreated({ email: email.trim(), invitation });
      setCopyStatus('');
      setEmail('');
      setRole('');
      setChosenDepartments([]);
      onInvited();
      requestAnimationFrame(() => resultRef.current?.focus());
    });
  }

  async function copyLink(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(texts.linkCopied);
    } catch {
      setCopyStatus(texts.linkNotCopied);
    }
  }

  return (
    <section aria-labelledby="invite-heading">
      <ErrorSummary errors={summary} attempt={attempt} />
      {created ? (
        <div className="govuk-panel govuk-panel--confirmation" ref={resultRef} tabIndex={-1}>
          <h2 className="govuk-panel__title">{texts.invitationCreated}</h2>
          <div className="govuk-panel__body ward-break-anywhere">{texts.invitationFor(created.email)}</div>
        </div>
      ) : null}
      {created ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            {texts.sendThisLink(created.email, formatDateTime(created.invitation.expiresAt, language))}
          </p>
          <p className="govuk-body ward-invite-link">
            <a className="govuk-link" href={created.invitation.inviteUrl} id="invite-link">
              {created.invitation.inviteUrl}
            </a>
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
            onClick={() => void copyLink(created.invitation.inviteUrl)}
          >
            {texts.copyLink}
          </button>
          <p className="govuk-body govuk-!-margin-bottom-0" role="status">
            {copyStatus}
          </p>
        </div>
      ) : null}

      <h2 className="govuk-heading-m" id="invite-heading">
        {texts.inviteHeading}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)}>
        <TextInput
          id={fieldIds.email}
          label={texts.emailAddress}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
        <Radios<StaffRole>
          id={fieldIds.role}
          legend={texts.role}
          legendClassName="govuk-fieldset__legend--s"
          items={roleOptions(texts)}
          value={role}
          onValueChange={setRole}
          error={errors.role}
        />
        {departments.length > 0 ? (
          <DepartmentCheckboxes
            id={fieldIds.departments}
            legend={texts.departmentsOptional}
            hint={texts.inviteDepartmentsHint}
            error={errors.departments}
            departments={departments}
            selected={chosenDepartments}
            onChange={setChosenDepartments}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {texts.sendInvitation}
        </button>
      </form>
    </section>
  );
}
