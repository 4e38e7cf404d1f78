import type { ScopeMessagesResponse } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { fetchScopeMessages, saveWithheldMessages } from '../../api/rights.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { countText } from './subject-finder-wording.ts';
import { useRightsDataTexts } from './texts.ts';

type Chats = ScopeMessagesResponse['chats'];
const key = (conversationId: string, seq: number) => `${conversationId}/${seq}`;

/**
 * Third-party information (ADR 34): the officer reads the chats in the request's scope (an audited
 * read, so only when asked) and ticks the messages that name other people; the export pack shows
 * "[withheld: third-party information]" in their place.
 */
export function WithheldMessagesSection({
  requestId,
  onErrorChange,
}: {
  requestId: string;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const says = useRightsDataTexts();
  return (
    <section aria-labelledby="withhold-heading">
      <h3 className="govuk-heading-s" id="withhold-heading">
        {says.withholdHeading}
      </h3>
      {open ? (
        <MessagesForm requestId={requestId} onErrorChange={onErrorChange} />
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOpen(true)}>
          {says.reviewMessages}
        </button>
      )}
    </section>
  );
}

function MessagesForm({ requestId, onErrorChange }: { requestId: string; onErrorChange: (e: boolean) => void }) {
  const { loaded } = useLoaded(() => fetchScopeMessages(requestId), requestId);
  const says = useRightsDataTexts();
  if (loaded.status === 'loading') return <Loading text={says.loadingMessages} />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  return <MessagesChoice requestId={requestId} chats={loaded.data} onErrorChange={onErrorChange} />;
}

function MessagesChoice({
  requestId,
  chats,
  onErrorChange,
}: {
  requestId: string;
  chats: Chats;
  onErrorChange: (e: boolean) => void;
}) {
  const announce = useAnnounce();
  const says = useRightsDataTexts();
  const language = useLanguage();
  const [withheld, setWithheld] = useState(
    () => new Set(chats.flatMap((c) => c.messages.filter((m) => m.withheld).map((m) => key(c.conversationId, m.seq)))),
  );
  const { summary, hasErrors, attempt, busy, submit } = useFormSubmit<never>({} as Record<never, string>, []);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);
  if (chats.length === 0) return <p className="govuk-body">{says.noChats}</p>;

  const toggle = (id: string, on: boolean) =>
    setWithheld((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        aria-labelledby="withhold-heading"
        onSubmit={(event) =>
          void submit(event, () => ({
            send: async () => {
              const messages = chats.flatMap((c) =>
                c.messages
                  .filter((m) => withheld.has(key(c.conversationId, m.seq)))
                  .map((m) => ({ conversationId: c.conversationId, seq: m.seq })),
              );
              await saveWithheldMessages(requestId, { messages });
              announce(says.willBeWithheld(countText(messages.length, says.counted.message)));
            },
          }))
        }
      >
        {chats.map((chat) => (
          <div className="govuk-form-group" key={chat.conversationId}>
            <fieldset className="govuk-fieldset" aria-describedby={`withhold-hint-${chat.conversationId}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                {says.chatLegend(chat.caseReference, chat.topic, formatDateTime(chat.startedAt, language))}
              </legend>
              <div className="govuk-hint" id={`withhold-hint-${chat.conversationId}`}>
                {says.tickEach}
              </div>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {chat.messages.map((message) => {
                  const id = `withhold-${chat.conversationId}-${message.seq}`;
                  return (
                    <div className="govuk-checkboxes__item" key={message.seq}>
                      <input
                        className="govuk-checkboxes__input"
                        id={id}
                        name={id}
                        type="checkbox"
                        checked={withheld.has(key(chat.conversationId, message.seq))}
                        onChange={(event) => toggle(key(chat.conversationId, message.seq), event.target.checked)}
                      />
                      <label className="govuk-label govuk-checkboxes__label ward-pre-wrap" htmlFor={id}>
                        {message.from}: {message.text}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {says.withholdTicked}
        </button>
      </form>
    </>
  );
}
