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
import { conversationsEn, type ConversationsTexts } from './texts-en.ts';
import { useConversationsTexts } from './texts.ts';

type Field = 'name' | 'email' | 'reason';
const ids: Record<Field, string> = { name: 'correct-name', email: 'correct-email', reason: 'correct-reason' };

/** What the console checks before sending; Ward checks again. */
function validate(
  typed: Record<Field, string>,
  current: AgentConversation,
  t: ConversationsTexts = conversationsEn,
): Partial<Record<Field, string>> {
  const say = t.errors;
  const errors: Partial<Record<Field, string>> = {};
  if (!typed.name.trim()) errors.name = say.enterName;
  else if (typed.name.trim().length > limits.nameMaxChars) errors.name = say.nameTooLong;
  if (typed.email.trim() && !looksLikeEmail(typed.email)) errors.email = say.emailFormat;
  if (!typed.reason.trim()) errors.reason = say.enterReason;
  else if (typed.reason.trim().length > 500) errors.reason = say.reasonTooLong;
  const unchanged =
    typed.name.trim() === current.visitorName && (typed.email.trim() || null) === (current.visitorEmail ?? null);
  if (!errors.name && !errors.email && unchanged) errors.name = say.changeSomething;
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
  const t = useConversationsTexts();

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
            {t.detailsCorrected}
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
          {t.correctDetails}
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
        announce(t.detailsCorrected);
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
  const t = useConversationsTexts();
  const [name, setName] = useState(conversation.visitorName);
  const [email, setEmail] = useState(conversation.visitorEmail ?? '');
  const [reason, setReason] = useState('');
  const [rightsRequest, setRightsRequest] = useState(false);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<Field>(ids, ['name', 'email', 'reason']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<Field> {
    return sendIfValid(validate({ name, email, reason }, conversation, t), async () => {
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
          {t.correctDetails}
        </h3>
        <p className="govuk-body">{t.correctExplained}</p>
        <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="correct-details-heading">
          <TextInput
            id={ids.name}
            label={t.residentsName}
            labelClassName="govuk-label--s"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onValueChange={setName}
            error={errors.name}
          />
          <TextInput
            id={ids.email}
            label={t.emailOptional}
            labelClassName="govuk-label--s"
            hint={t.emailHint}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onValueChange={setEmail}
            error={errors.email}
          />
          <Textarea
            id={ids.reason}
            label={t.correctionReason}
            labelClassName="govuk-label--s"
            hint={t.correctionReasonHint}
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
