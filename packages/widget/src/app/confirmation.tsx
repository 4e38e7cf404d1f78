import type { StoredConversation } from './storage.ts';

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
          Thank you for your feedback
        </h1>
        <p class="ward-panel__body">
          Your case reference
          <br />
          <strong class="ward-case-reference">{conversation.caseReference}</strong>
        </p>
      </div>
      <p class="ward-body">
        Keep a note of your case reference in case you need to contact us about this enquiry again.
      </p>
      {conversation.transcriptSentTo && (
        <p class="ward-body">We'll email a transcript of this chat to {conversation.transcriptSentTo}.</p>
      )}
      <button type="button" class="ward-button" onClick={onStartNew}>
        Start a new chat
      </button>
    </>
  );
}
