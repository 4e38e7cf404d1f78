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

  function check(): FormCheck<InviteField | DepartmentsField> {
    const found = { ...validateInvite(email, role), ...validateDepartments(chosenDepartments, departments) };
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
      setCopyStatus('Invitation link copied');
    } catch {
      setCopyStatus('The link could not be copied. Select it and copy it yourself.');
    }
  }

  return (
    <section aria-labelledby="invite-heading">
      <ErrorSummary errors={summary} attempt={attempt} />
      {created ? (
        <div className="govuk-panel govuk-panel--confirmation" ref={resultRef} tabIndex={-1}>
          <h2 className="govuk-panel__title">Invitation created</h2>
          <div className="govuk-panel__body ward-break-anywhere">for {created.email}</div>
        </div>
      ) : null}
      {created ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            Send this link to {created.email}. It works once and expires on{' '}
            {formatDateTime(created.invitation.expiresAt)}.
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
            Copy invitation link
          </button>
          <p className="govuk-body govuk-!-margin-bottom-0" role="status">
            {copyStatus}
          </p>
        </div>
      ) : null}

      <h2 className="govuk-heading-m" id="invite-heading">
        Invite a member of staff
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)}>
        <TextInput
          id={fieldIds.email}
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
        <Radios<StaffRole>
          id={fieldIds.role}
          legend="Role"
          legendClassName="govuk-fieldset__legend--s"
          items={roleOptions}
          value={role}
          onValueChange={setRole}
          error={errors.role}
        />
        {departments.length > 0 ? (
          <DepartmentCheckboxes
            id={fieldIds.departments}
            legend="Departments (optional)"
            hint="Agents see the full cases of their departments only. Select none for every department."
            error={errors.departments}
            departments={departments}
            selected={chosenDepartments}
            onChange={setChosenDepartments}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Send invitation
        </button>
      </form>
    </section>
  );
}
