import type { QueueItem } from '@ward/protocol';
import { useState } from 'react';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useShellTexts } from '../../i18n/shell.ts';
import { useChatsTexts } from './texts.ts';
import { useNow } from '../../ui/useNow.ts';
import { waitingTimeText } from './waiting-time.ts';

interface QueueTableProps {
  queue: QueueItem[] | null;
  onAccept: (item: QueueItem) => Promise<string | null>;
}

/**
 * Residents waiting for a chat, oldest first, each with an Accept button. Every agent sees the
 * queue, so it shows no personal data: the case reference, topic and wait (the resident's name
 * comes with the chat once accepted, which is audited).
 */
export function QueueTable({ queue, onAccept }: QueueTableProps) {
  const now = useNow(15_000);
  const [accepting, setAccepting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const texts = useChatsTexts();
  const { thereIsAProblem } = useShellTexts();
  // "Welsh" beside a chat whose resident chose Welsh, in words (not colour alone); nothing for English.
  const languageTag = (item: QueueItem) => (item.language === 'en' ? null : <Tag colour="purple">{texts.welsh}</Tag>);

  async function accept(item: QueueItem) {
    if (accepting) return;
    setAccepting(item.id);
    setError(null);
    const problem = await onAccept(item);
    setAccepting(null);
    if (problem) setError(texts.notAccepted(item.caseReference, problem));
  }

  const waiting = queue ?? [];
  const sorted = [...waiting].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));

  function acceptButton(item: QueueItem) {
    return (
      <button
        type="button"
        className="govuk-button govuk-!-margin-bottom-0"
        data-module="govuk-button"
        onClick={() => void accept(item)}
        aria-disabled={accepting !== null}
      >
        {texts.accept}
        <span className="govuk-visually-hidden">{texts.acceptChat(item.caseReference)}</span>
      </button>
    );
  }
  return (
    <section aria-labelledby="queue-heading">
      <h2 className="govuk-heading-m" id="queue-heading">
        {texts.residentsWaiting}
        {queue ? ` (${waiting.length})` : ''}
      </h2>
      {error ? (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">{thereIsAProblem}</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{error}</p>
          </div>
        </div>
      ) : null}
      {queue === null ? (
        <p className="govuk-body">{texts.loadingQueue}</p>
      ) : waiting.length === 0 ? (
        <p className="govuk-body">{texts.noResidentsWaiting}</p>
      ) : (
        <>
          {/* Narrow screens (and 400% zoom): a list, so every Accept button is in view. */}
          <ul className="ward-queue-list">
            {sorted.map((item) => (
              <li key={item.id} className="ward-queue-list__item">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <span className="govuk-!-font-weight-bold">{item.caseReference}</span>
                </p>
                <p className="govuk-body govuk-!-margin-bottom-2">
                  {item.topicLabel} {languageTag(item)}
                  <br />
                  {texts.waitingFor(waitingTimeText(item.waitingSince, now, texts))}
                </p>
                {acceptButton(item)}
              </li>
            ))}
          </ul>
          <div className="ward-queue-table">
            <Table
              caption={texts.queueCaption}
              captionClassName="govuk-visually-hidden"
              regionLabel={texts.residentsWaiting}
              rows={sorted}
              rowKey={(item) => item.id}
              columns={[
                {
                  header: texts.caseReference,
                  cell: (item) => <span className="govuk-!-font-weight-bold">{item.caseReference}</span>,
                },
                {
                  header: texts.topic,
                  cell: (item) => (
                    <>
                      {item.topicLabel} {languageTag(item)}
                    </>
                  ),
                },
                { header: texts.waiting, cell: (item) => waitingTimeText(item.waitingSince, now, texts) },
                {
                  header: <span className="govuk-visually-hidden">{texts.action}</span>,
                  cell: acceptButton,
                },
              ]}
            />
          </div>
        </>
      )}
    </section>
  );
}
