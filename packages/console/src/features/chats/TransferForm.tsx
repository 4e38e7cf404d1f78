import type { AgentConversation } from '@ward/protocol';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { fetchDepartmentsAndTopics, fetchStaffDirectory } from '../../api/staff.ts';
import { useChatWork } from '../../realtime/use-chat-work.ts';
import { useStaff } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { validateTransfer } from './validate-chat.ts';
import { useChatWorkTexts } from './texts.ts';

interface TransferFormProps {
  conversation: AgentConversation;
  /** The chat has gone to its new place: it leaves this agent's list. */
  onTransferred: (text: string) => void;
}

type To = 'department' | 'adviser';

/** "Transfer this chat": to another department's queue or to an adviser, with a note only staff see. */
export function TransferForm({ conversation, onTransferred }: TransferFormProps) {
  const work = useChatWork();
  const me = useStaff();
  const loaded = useLoaded(async () => {
    const [{ departments }, staff] = await Promise.all([fetchDepartmentsAndTopics(), fetchStaffDirectory()]);
    return { departments, staff };
  });
  const [to, setTo] = useState<To | ''>('');
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const id = `transfer-${conversation.id}`;
  const ids = { to: id, choice: `${id}-choice`, note: `${id}-note` };
  const { errors, summary, attempt, submit } = useFormSubmit(ids, ['to', 'choice', 'note']);
  const says = useChatWorkTexts();

  if (loaded.loaded.status !== 'ready')
    return loaded.loaded.status === 'error' ? (
      <p className="govuk-body">{says.cannotTransfer(loaded.loaded.message)}</p>
    ) : null;
  const { departments, staff } = loaded.loaded.data;
  const here = conversation.departmentId;
  const label = (departmentId: string) => departments.find((d) => d.id === departmentId)?.label ?? departmentId;
  const others = departments.filter((d) => d.id !== here);
  // Advisers who answer chats in the chat's department (none listed: every department), not you.
  const advisers = staff.filter(
    (s) =>
      s.id !== me.id &&
      s.role !== 'privacy_officer' &&
      (s.departments.length === 0 || (here !== null && s.departments.includes(here))),
  );

  function check() {
    const problems = validateTransfer(to, choice, note, says);
    if (Object.keys(problems).length > 0) return { errors: problems };
    return {
      send: async () => {
        const target = to === 'department' ? { departmentId: choice } : { staffId: choice };
        const refusal = await work.transfer(conversation.id, {
          ...target,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        if (refusal) throw new ApiError(0, 'refused', refusal);
        const where =
          to === 'department'
            ? label(choice)
            : (advisers.find((a) => a.id === choice)?.displayName ?? says.anotherAdviser);
        onTransferred(says.transferred(conversation.caseReference, where));
      },
    };
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{says.transferThisChat}</span>
      </summary>
      <div className="govuk-details__text">
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <ErrorSummary errors={summary} attempt={attempt} />
          <Radios<To>
            id={ids.to}
            legend={says.transferTo}
            hint={here ? says.chatIsWith(label(here)) : undefined}
            items={[
              { value: 'department', label: says.anotherDepartment },
              { value: 'adviser', label: says.anAdviser },
            ]}
            value={to}
            onValueChange={(value) => {
              setTo(value);
              setChoice('');
            }}
            error={errors.to}
          />
          {to === 'department' ? (
            <Select
              id={ids.choice}
              label={says.department}
              options={[
                { value: '', text: says.selectDepartment },
                ...others.map((d) => ({ value: d.id, text: d.label })),
              ]}
              value={choice}
              onValueChange={setChoice}
              error={errors.choice}
            />
          ) : to === 'adviser' ? (
            <Select
              id={ids.choice}
              label={says.adviser}
              options={[
                { value: '', text: says.selectAdviser },
                ...advisers.map((a) => ({ value: a.id, text: a.displayName })),
              ]}
              value={choice}
              onValueChange={setChoice}
              error={errors.choice}
            />
          ) : null}
          <Textarea
            id={ids.note}
            label={says.noteForNext}
            labelClassName="govuk-label--s"
            hint={says.noteForNextHint}
            rows={3}
            value={note}
            onValueChange={setNote}
            error={errors.note}
            spellCheck
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {says.transferChat}
          </button>
        </form>
      </div>
    </details>
  );
}
