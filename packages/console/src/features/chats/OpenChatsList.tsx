import type { OpenChat } from '../../realtime/workspace-state.ts';
import { chatUnread } from '../../realtime/workspace-state.ts';
import { unreadText } from '../../realtime/unread.ts';
import { formatTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useNow } from '../../ui/useNow.ts';
import { lastMessageAt, residentWaitingSince } from './chat-list-details.ts';
import { waitingTimeText } from './waiting-time.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useAnnouncementTexts } from '../../realtime/use-announcement-texts.ts';
import { useChatsTexts } from './texts.ts';

interface OpenChatsListProps {
  chats: OpenChat[];
  selectedId: string | null;
  loading: boolean;
  onSelect: (conversationId: string) => void;
}

/**
 * The agent's open chats; the selected one is marked with aria-current and a thicker border. Each
 * shows its case reference (two residents may share a name), the time of its last message, how
 * long the resident has waited for a reply, and the unread count.
 */
export function OpenChatsList({ chats, selectedId, loading, onSelect }: OpenChatsListProps) {
  const now = useNow(15_000);
  const texts = useChatsTexts();
  const says = useAnnouncementTexts();
  const language = useLanguage();
  return (
    <section aria-labelledby="open-chats-heading">
      <h2 className="govuk-heading-m" id="open-chats-heading">
        {texts.yourChats(chats.length)}
      </h2>
      {chats.length === 0 ? (
        <p className="govuk-body">{loading ? texts.loadingChats : texts.noChatsYet}</p>
      ) : (
        <ul className="ward-chat-list">
          {chats.map((chat) => {
            const { conversation } = chat;
            const unread = chatUnread(chat);
            const selected = conversation.id === selectedId;
            const last = lastMessageAt(chat.messages);
            const waiting = conversation.status === 'active' ? residentWaitingSince(chat.messages) : null;
            return (
              <li className="ward-chat-list__item" key={conversation.id}>
                <button
                  type="button"
                  className="ward-chat-list__button"
                  data-chat-id={conversation.id}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(conversation.id)}
                >
                  <span className="ward-chat-list__name">{conversation.visitorName}</span>
                  <span className="ward-chat-list__meta">
                    <span className="govuk-visually-hidden">{texts.caseReferenceHidden}</span>
                    {conversation.caseReference}
                    <span className="govuk-visually-hidden">,</span> {conversation.topicLabel}
                  </span>
                  {last ? (
                    <span className="ward-chat-list__meta">
                      <span className="govuk-visually-hidden">, </span>
                      {texts.lastMessage} <time dateTime={last}>{formatTime(last, language)}</time>
                    </span>
                  ) : null}
                  {waiting ? (
                    <span className="ward-chat-list__meta ward-chat-list__waiting">
                      <span className="govuk-visually-hidden">, </span>
                      {texts.waitingForReply(waitingTimeText(waiting, now, texts))}
                    </span>
                  ) : null}
                  {conversation.status === 'ended' ? (
                    <span className="ward-chat-list__meta">
                      <span className="govuk-visually-hidden">, </span>
                      <Tag colour="grey">{texts.ended}</Tag>
                    </span>
                  ) : null}
                  {unread > 0 ? (
                    <>
                      <span className="moj-notification-badge" aria-hidden="true">
                        {unread}
                      </span>
                      <span className="govuk-visually-hidden">, {unreadText(unread, says)}</span>
                    </>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
