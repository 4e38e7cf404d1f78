import type { ChosenAgentStatus } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { useAnnouncementTexts } from '../../realtime/use-announcement-texts.ts';
import { useChatsTexts } from './texts.ts';
import { useAgentStatus } from '../../realtime/use-agent-status.ts';
import { Select } from '../../ui/Select.tsx';

const choices: ChosenAgentStatus[] = ['available', 'busy', 'away'];

/**
 * The agent's status at the top of the Chats page, above the agent's chats (ADR 39): a select and a button, so nothing
 * changes until they press it. What the server then says is announced by the store.
 */
export function AgentStatusForm() {
  const { store, status } = useAgentStatus();
  const [choice, setChoice] = useState<ChosenAgentStatus>('available');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const texts = useChatsTexts();
  const { statusLabels } = useAnnouncementTexts();

  // Keys and clicks anywhere in the console are activity: the agent is not made away while working.
  useEffect(() => {
    if (!store) return;
    const note = () => store.noteActivity();
    document.addEventListener('keydown', note);
    document.addEventListener('pointerdown', note);
    return () => {
      document.removeEventListener('keydown', note);
      document.removeEventListener('pointerdown', note);
    };
  }, [store]);
  useEffect(() => {
    if (status && status !== 'offline') setChoice(status);
  }, [status]);

  if (!store) return null;
  return (
    <form
      className="ward-agent-status"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        void store.choose(choice).then((refused) => {
          setProblem(refused);
          setBusy(false);
        });
      }}
    >
      <p className="govuk-body" id="agent-status-now">
        {texts.yourStatus} <strong>{status ? statusLabels[status] : texts.statusConnecting}</strong>
      </p>
      <Select
        id="agent-status"
        label={texts.changeYourStatus}
        labelClassName="govuk-label--s"
        hint={texts.statusHint}
        error={problem ?? undefined}
        options={choices.map((value) => ({ value, text: statusLabels[value] }))}
        value={choice}
        onValueChange={(value) => setChoice(value as ChosenAgentStatus)}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {texts.changeStatus}
      </button>
    </form>
  );
}
