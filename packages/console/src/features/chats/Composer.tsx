import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Textarea } from '../../ui/Field.tsx';
import { validateReply } from './validate-chat.ts';
import { useChatsTexts } from './texts.ts';

interface ComposerProps {
  conversationId: string;
  visitorName: string;
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: (body: string) => void;
  /** Take focus when mounted (after accepting a chat). */
  autoFocus: boolean;
  /** The canned replies' shortcut was pressed: / in the empty box, or Ctrl and Space. */
  onCannedReplies?: () => void;
  /** Said under the box with the sending keys. */
  extraHint?: string;
}

/** The reply box: Enter sends, Shift+Enter starts a new line. */
export function Composer({
  conversationId,
  visitorName,
  draft,
  onDraftChange,
  onSend,
  autoFocus,
  onCannedReplies,
  extraHint,
}: ComposerProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `reply-${conversationId}`;
  const texts = useChatsTexts();

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus, conversationId]);

  function submit() {
    const problem = validateReply(draft, texts);
    setError(problem);
    if (problem) {
      ref.current?.focus();
      return;
    }
    onSend(draft);
    onDraftChange('');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (onCannedReplies && ((event.key === '/' && draft === '') || (event.key === ' ' && event.ctrlKey))) {
      event.preventDefault();
      onCannedReplies();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form className="ward-composer" noValidate onSubmit={handleSubmit}>
      <Textarea
        ref={ref}
        id={id}
        label={texts.replyTo(visitorName)}
        labelClassName="govuk-label--s"
        hint={`${texts.sendingKeys}${extraHint ? ` ${extraHint}` : ''}`}
        rows={3}
        value={draft}
        onValueChange={(text) => {
          if (error) setError(null);
          onDraftChange(text);
        }}
        onKeyDown={handleKeyDown}
        error={error ?? undefined}
        spellCheck
      />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {texts.send}
      </button>
    </form>
  );
}
