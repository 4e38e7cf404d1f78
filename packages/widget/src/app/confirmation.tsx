import type { StoredConversation } from './storage.ts';
import { m } from './i18n.ts';

/** GOV.UK confirmation panel, shown once feedback is sent; repeats the case reference. */
export function Confirmation({
  conversation,
  onStartNew,
}: {
  conversation: StoredConversation;
  onStartNew: () => void;
}) {
  return (
    <>
      <div class="ward-panel">
        <h1 class="ward-panel__title" tabindex={-1} data-step-heading>
          {m.titleConfirmation}
        </h1>
        <p class="ward-panel__body">
          {m.yourReference}
          <br />
          <strong class="ward-case-reference">{conversation.caseReference}</strong>
        </p>
      </div>
      <p class="ward-body">{m.keepReferenceNote}</p>
      {conversation.transcriptSentTo && <p class="ward-body">{m.transcriptSentTo(conversation.transcriptSentTo)}</p>}
      <button type="button" class="ward-button" onClick={onStartNew}>
        {m.startNewChat}
      </button>
    </>
  );
}
