import type { ErasurePreview } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { capitalised, counted, keys } from './erasure-wording.ts';
import { formatCalendarDate } from './rights-wording.ts';
import { useRightsDataTexts } from './texts.ts';

/** What an erasure erases, keeps and why, leaves alone, and who to tell: before (`done` false) or after. */
export function ErasurePlanSummary({ preview, done }: { preview: ErasurePreview; done: boolean }) {
  const says = useRightsDataTexts();
  const language = useLanguage();
  const tell = preview.recipients;
  const told = tell.disclosures.length + tell.transcripts.length + tell.webhooks.length;
  return (
    <>
      <h3 className="govuk-heading-s">{done ? says.whatWasErased : says.whatWillBeErased}</h3>
      {preview.erase.length === 0 ? (
        <p className="govuk-body">{says.nothingErased}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {counted(preview.erase, says).map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            {done
              ? says.keysDestroyed(keys(preview.keys.destroy, says))
              : says.keysToBeDestroyed(keys(preview.keys.destroy, says))}
          </li>
        </ul>
      )}
      <h3 className="govuk-heading-s">{done ? says.whatWasKept : says.whatStays}</h3>
      {preview.kept.length === 0 ? (
        <p className="govuk-body">{says.nothingKept}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {preview.kept.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              {capitalised(says.kinds[item.kind][0])}
              {item.caseReference ? ` ${item.caseReference}` : ''}: {says.exemptions[item.exemption]}
              {item.reason ? ` (${item.reason})` : ''}
            </li>
          ))}
        </ul>
      )}
      {preview.notChosen.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">{done ? says.notChosenWas : says.notChosenIs}</h3>
          <ul className="govuk-list govuk-list--bullet">
            {counted(preview.notChosen, says).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.keys.keep > 0 ? (
        <p className="govuk-body">
          {preview.keys.keep === 1 ? says.oneKeyStays : says.keysStay(keys(preview.keys.keep, says))}
        </p>
      ) : null}
      <h3 className="govuk-heading-s">{says.whoToTell}</h3>
      {told === 0 ? (
        <p className="govuk-body">{says.nobodyElse}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {tell.disclosures.map((d) => (
            <li key={`d-${d.caseReference}-${d.recipientOrganisation}-${d.disclosedOn}`}>
              {says.disclosedOn(d.recipientOrganisation, formatCalendarDate(d.disclosedOn, language), d.caseReference)}
            </li>
          ))}
          {tell.transcripts.map((t) => (
            <li key={`t-${t.caseReference}`}>
              {says.transcriptEmailed(t.caseReference, formatDateTime(t.requestedAt, language))}
            </li>
          ))}
          {tell.webhooks.map((w) => (
            <li key={`w-${w.url}`}>{says.webhookTold(w.description ?? w.url, w.events.join(', '))}</li>
          ))}
        </ul>
      )}
    </>
  );
}
