import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { useChatWork } from '../../realtime/use-chat-work.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { validateNote } from './validate-chat.ts';
import { useChatWorkTexts } from './texts.ts';

interface NotesFormProps {
  conversationId: string;
  /** `whisper`: a supervisor to the adviser handling the chat. */
  kind?: 'note' | 'whisper';
}

/** "Add an internal note": kept with the chat for staff, never sent to the resident. */
export function NotesForm({ conversationId, kind = 'note' }: NotesFormProps) {
  const work = useChatWork();
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const id = `${kind}-${conversationId}`;
  const { errors, summary, attempt, submit } = useFormSubmit({ note: id }, ['note']);
  const whisper = kind === 'whisper';
  const says = useChatWorkTexts();

  function check() {
    const problem = validateNote(note, says);
    if (problem) return { errors: { note: problem } };
    return {
      send: async () => {
        setSaved(false);
        const refusal = await work.addNote(conversationId, kind, note.trim());
        if (refusal) throw new ApiError(0, 'refused', refusal);
        setNote('');
        setSaved(true);
      },
    };
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{whisper ? says.whisperToAdviser : says.addInternalNote}</span>
      </summary>
      <div className="govuk-details__text">
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <ErrorSummary errors={summary} attempt={attempt} />
          <Textarea
            id={id}
            label={whisper ? says.whisper : says.internalNote}
            labelClassName="govuk-label--s"
            hint={whisper ? says.whisperHint : says.noteHint}
            rows={3}
            value={note}
            onValueChange={(text) => {
              setSaved(false);
              setNote(text);
            }}
            error={errors.note}
            spellCheck
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {whisper ? says.sendWhisper : says.addNote}
          </button>
          <p className="govuk-body govuk-!-margin-bottom-0" role="status">
            {saved ? (whisper ? says.whisperSent : says.noteAdded) : ''}
          </p>
        </form>
      </div>
    </details>
  );
}
