import type { AgentConversation } from '@ward/protocol';
import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import { limits } from '@ward/protocol';
import { correctConversationDetails } from '../../api/conversations.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea, TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { sendIfValid } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { CorrectionControls } from '../../ui/CorrectionControls.tsx';
import { looksLikeEmail } from '../../ui/validation.ts';

type Field = 'name' | 'email' | 'reason';
const ids: Record<Field, string> = { name: 'correct-name', email: 'correct-email', reason: 'correct-reason' };

/** What the console checks before sending; Ward checks again. */
function validate(typed: Record<Field, string>, current: AgentConversation): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!typed.name.trim()) errors.name = 'Enter the resident’s name';
  else if (typed.name.trim().length > limits.nameMaxChars)
    errors.name = `The name must be ${limits.nameMaxChars} characters or fewer`;
  if (typed.email.trim() && !looksLikeEmail(typed.email))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (!typed.reason.trim()) errors.reason = 'Enter the reason for the correction';
  else if (typed.reason.trim().length > 500) errors.reason = 'The reason must be 500 characters or fewer';
  const unchanged =
    typed.name.trim() === current.visitorName && (typed.email.trim() || null) === (current.visitorEmail ?? null);
  if (!errors.name && !errors.email && unchanged) errors.name = 'Change the name or the email address before saving';
  return errors;
}

/**
 * Rectification of a chat (ADR 29): staff who may read it correct the name and email the resident
 * gave, with a reason. The earlier values are kept, sealed, as long as the chat's personal data.
 */
export function CorrectDetailsSection({
  conversation,
  onCorrected,
  onErrorChange,
}: {
  conversation: AgentConversation;
  onCorrected: (conversation: AgentConversation) => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const announce = useAnnounce();

  // Focus follows the form: to its heading when it opens, back to the button when it closes.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open)
    return (
      <>
        {done ? (
          <p className="govuk-body" role="status">
            The resident’s details were corrected.
          </p>
        ) : null}
        <button
          ref={openButton}
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          Correct the resident’s details
        </button>
      </>
    );

  return (
    <CorrectDetailsForm
      conversation={conversation}
      headingRef={heading}
      onErrorChange={onErrorChange}
      onCancel={() => {
        onErrorChange(false);
        setOpen(false);
      }}
      onCorrected={(updated) => {
        onErrorChange(false);
        setOpen(false);
        setDone(true);
        announce('The resident’s details were corrected.');
        onCorrected(updated);
      }}
    />
  );
}

function CorrectDetailsForm({
  conversation,
  headingRef,
  onErrorChange,
  onCancel,
  onCorrected,
}: {
  conversation: AgentConversation;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onErrorChange: (hasErrors: boolean) => void;
  onCancel: () => void;
  onCorrected: (conversation: AgentConversation) => void;
}) {
  const [name, setName] = useState(conversation.visitorName);
  const [email, setEmail] = useState(conversation.visitorEmail ?? '');
  const [reason, setReason] = useState('');
  const [rightsRequest, setRightsRequest] = useState(false);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<Field>(ids, ['name', 'email', 'reason']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<Field> {
    return sendIfValid(validate({ name, email, reason }, conversation), async () => {
      onCorrected(
        await correctConversationDetails(conversation.id, {
          name: name.trim(),
          email: email.trim(),
          reason: reason.trim(),
          rightsRequest,
        }),
      );
    });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <h3 className="govuk-heading-s" id="correct-details-heading" tabIndex={-1} ref={headingRef}>
          Correct the resident’s details
        </h3>
        <p className="govuk-body">
          Change what the resident gave before the chat. Ward keeps the earlier details and your reason for as long as
          it keeps this chat, and records who made the change.
        </p>
        <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="correct-details-heading">
          <TextInput
            id={ids.name}
            label="Resident’s name"
            labelClassName="govuk-label--s"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onValueChange={setName}
            error={errors.name}
          />
          <TextInput
            id={ids.email}
            label="Email address (optional)"
            labelClassName="govuk-label--s"
            hint="Leave this empty to remove the email address."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onValueChange={setEmail}
            error={errors.email}
          />
          <Textarea
            id={ids.reason}
            label="Reason for the correction"
            labelClassName="govuk-label--s"
            hint="For example, “Resident phoned to say their name was misspelt”."
            rows={3}
            value={reason}
            onValueChange={setReason}
            error={errors.reason}
            spellCheck
          />
          <CorrectionControls
            id="correct-rights-request"
            rightsRequest={rightsRequest}
            onRightsRequestChange={setRightsRequest}
            busy={busy}
            onCancel={onCancel}
          />
        </form>
      </div>
    </div>
  );
}
