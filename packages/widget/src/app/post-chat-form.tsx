import type { WidgetConfig } from '@ward/protocol';
import { StepHeading } from './govuk.tsx';
import { OptInsForm } from './opt-ins-form.tsx';
import type { StoredConversation } from './storage.ts';
import { SurveyForm } from './survey-form.tsx';
import { TranscriptForm } from './transcript-form.tsx';
import { m } from './i18n.ts';

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
      <StepHeading>{m.titlePostChat}</StepHeading>
      <p class="ward-body">
        {m.referenceIs} <strong class="ward-case-reference">{conversation.caseReference}</strong>
        {m.keepReference}
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
          {m.startNewChat}
        </button>
      </div>
    </>
  );
}
