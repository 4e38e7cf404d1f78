import type { WidgetConfig } from '@ward/protocol';
import { StepHeading } from './govuk.tsx';
import { OptInsForm } from './opt-ins-form.tsx';
import type { StoredConversation } from './storage.ts';
import { SurveyForm } from './survey-form.tsx';
import { TranscriptForm } from './transcript-form.tsx';

interface Props {
  config: WidgetConfig;
  conversation: StoredConversation;
  onUpdate: (patch: Partial<StoredConversation>) => void;
  onStartNew: () => void;
}

/** After the chat: transcript by email, opt-ins and a short survey, each sent on its own. */
export function PostChatForm({ config, conversation, onUpdate, onStartNew }: Props) {
  const token = conversation.visitorToken;
  return (
    <>
      <StepHeading>Your chat has ended</StepHeading>
      <p class="ward-body">
        Your case reference is <strong class="ward-case-reference">{conversation.caseReference}</strong>. Keep a note of
        it in case you need to contact us about this enquiry again.
      </p>
      {config.transcriptsEnabled && (
        <TranscriptForm
          token={token}
          initialEmail={conversation.email}
          sentTo={conversation.transcriptSentTo}
          onSent={(email) => onUpdate({ transcriptSentTo: email })}
        />
      )}
      {config.optIns.length > 0 && (
        <OptInsForm
          token={token}
          optIns={config.optIns}
          saved={conversation.optInsSaved}
          onSaved={() => onUpdate({ optInsSaved: true })}
        />
      )}
      <SurveyForm token={token} onSent={() => onUpdate({ feedbackSent: true })} />
      <div class="ward-section">
        <button type="button" class="ward-button ward-button--secondary" onClick={onStartNew}>
          Start a new chat
        </button>
      </div>
    </>
  );
}
