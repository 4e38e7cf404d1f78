import type { RecordDetailVersion } from '@ward/protocol';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { groupByKind, newestFirst, versionEvents } from './record-history.ts';
import { formatDetail } from './record-wording.ts';
import { useRecordsTexts } from './texts.ts';

const statusColours = { current: 'green', amended: 'grey', removed: 'red' } as const;

function Version({ version }: { version: RecordDetailVersion }) {
  const texts = useRecordsTexts();
  const language = useLanguage();
  return (
    <li className="govuk-!-margin-bottom-4">
      <p className="govuk-body govuk-!-margin-bottom-1">
        <span className="ward-break-anywhere">{formatDetail(version.value, texts)}</span>{' '}
        <Tag colour={statusColours[version.status]}>{texts.versionStatus[version.status]}</Tag>
      </p>
      <ul className="govuk-list govuk-body-s">
        {versionEvents(version, texts.history).map((event) => (
          <li key={event.what}>
            {texts.versionLine(event.what, event.by, formatDateTime(event.at, language))}
            {event.reason ? (
              <>
                {texts.reasonGiven}
                <span className="ward-break-anywhere">{event.reason}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * Every version of every value, grouped by field, each in a disclosure: who added, changed or
 * removed it, when, and the reason typed (rectification is provable, ADR 14).
 */
export function RecordHistory({ history }: { history: RecordDetailVersion[] }) {
  const texts = useRecordsTexts();
  const groups = groupByKind(history, texts);
  if (groups.length === 0) return <p className="govuk-body">{texts.noHistory}</p>;
  return (
    <>
      {groups.map((group) => (
        <details className="govuk-details" key={group.kind}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {(group.versions.length === 1 ? texts.oneVersion : texts.versions)(group.plural, group.versions.length)}
            </span>
          </summary>
          <div className="govuk-details__text">
            <ol className="govuk-list">
              {newestFirst(group.versions).map((version) => (
                <Version key={version.id} version={version} />
              ))}
            </ol>
          </div>
        </details>
      ))}
    </>
  );
}
