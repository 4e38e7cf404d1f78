import type { ErasurePreview } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { capitalised, counted, exemptionNames, keys, kindNames } from './erasure-wording.ts';
import { formatCalendarDate } from './rights-wording.ts';

/** What an erasure erases, keeps and why, leaves alone, and who to tell: before (`done` false) or after. */
export function ErasurePlanSummary({ preview, done }: { preview: ErasurePreview; done: boolean }) {
  const tell = preview.recipients;
  const told = tell.disclosures.length + tell.transcripts.length + tell.webhooks.length;
  return (
    <>
      <h3 className="govuk-heading-s">{done ? 'What was erased' : 'What will be erased'}</h3>
      {preview.erase.length === 0 ? (
        <p className="govuk-body">Nothing: everything in scope is kept.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {counted(preview.erase).map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            {keys(preview.keys.destroy)} {done ? 'destroyed' : 'to be destroyed'}, so copies in backups can no longer be
            read
          </li>
        </ul>
      )}
      <h3 className="govuk-heading-s">{done ? 'What was kept, and why' : 'What stays, and why'}</h3>
      {preview.kept.length === 0 ? (
        <p className="govuk-body">Nothing is kept.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {preview.kept.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              {capitalised(kindNames[item.kind][0])}
              {item.caseReference ? ` ${item.caseReference}` : ''}: {exemptionNames[item.exemption]}
              {item.reason ? ` (${item.reason})` : ''}
            </li>
          ))}
        </ul>
      )}
      {preview.notChosen.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">{done ? 'Not chosen, left as it was' : 'Not chosen, left as it is'}</h3>
          <ul className="govuk-list govuk-list--bullet">
            {counted(preview.notChosen).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.keys.keep > 0 ? (
        <p className="govuk-body">
          {preview.keys.keep === 1
            ? '1 data key stays: it also protects what stays.'
            : `${keys(preview.keys.keep)} stay: they also protect what stays.`}
        </p>
      ) : null}
      <h3 className="govuk-heading-s">Who to tell</h3>
      {told === 0 ? (
        <p className="govuk-body">Nobody else received this resident’s data.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {tell.disclosures.map((d) => (
            <li key={`d-${d.caseReference}-${d.recipientOrganisation}-${d.disclosedOn}`}>
              {d.recipientOrganisation}: data disclosed on {formatCalendarDate(d.disclosedOn)} (case {d.caseReference})
            </li>
          ))}
          {tell.transcripts.map((t) => (
            <li key={`t-${t.caseReference}`}>
              The resident: the transcript of chat {t.caseReference} was emailed on {formatDateTime(t.requestedAt)}
            </li>
          ))}
          {tell.webhooks.map((w) => (
            <li key={`w-${w.url}`}>
              The system behind the webhook {w.description ?? w.url}: told of {w.events.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
