import type { OpenChat } from '../../realtime/workspace-state.ts';
import { useWorkspace } from '../../realtime/workspace.tsx';
import { ChatDetails } from './ChatDetails.tsx';
import { QuotedCases } from './QuotedCases.tsx';
import { RecordMatches } from './RecordMatches.tsx';
import { useChatsTexts } from './texts.ts';

/** The resident's context beside the selected chat: their details, likely records and the cases they quoted. */
export function ChatContext({ chat }: { chat: OpenChat }) {
  const workspace = useWorkspace();
  const { conversation } = chat;
  const id = conversation.id;
  const texts = useChatsTexts();
  return (
    <section aria-labelledby="chat-context-heading">
      <h2 id="chat-context-heading" className="govuk-heading-m">
        {texts.aboutResident}
      </h2>
      <QuotedCases conversationId={id} caseReference={conversation.caseReference} messages={chat.messages} />
      <ChatDetails conversation={conversation} onAskConsent={() => workspace.askForConsent(id)} />
      <RecordMatches conversation={conversation} />
    </section>
  );
}
