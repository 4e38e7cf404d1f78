import { useEffect, useState } from 'react';
import { openCannedRepliesEvent } from './chat-shortcuts.ts';
import { CannedReplies } from './CannedReplies.tsx';
import { Composer } from './Composer.tsx';
import { useChatsTexts } from './texts.ts';

interface ReplyComposerProps {
  conversationId: string;
  visitorName: string;
  caseReference: string;
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: (body: string) => void;
  autoFocus: boolean;
}

/** The reply box with its canned replies: the shortcut opens the list, a choice becomes the draft to edit. */
export function ReplyComposer({ caseReference, ...composer }: ReplyComposerProps) {
  const [open, setOpen] = useState(false);
  const texts = useChatsTexts();
  // Alt+Shift+C anywhere on the chats page opens this chat's canned replies.
  useEffect(() => {
    const onShortcut = (event: Event) => {
      if ((event as CustomEvent<{ conversationId: string }>).detail.conversationId !== composer.conversationId) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener(openCannedRepliesEvent, onShortcut);
    return () => window.removeEventListener(openCannedRepliesEvent, onShortcut);
  }, [composer.conversationId]);
  return (
    <>
      <Composer {...composer} onCannedReplies={() => setOpen(true)} extraHint={texts.cannedRepliesHint} />
      <CannedReplies
        conversationId={composer.conversationId}
        visitorName={composer.visitorName}
        caseReference={caseReference}
        open={open}
        onOpenChange={setOpen}
        onInsert={composer.onDraftChange}
      />
    </>
  );
}
