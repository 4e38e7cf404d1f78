import type { RecordDetailVersion } from '@ward/protocol';
import { formatDateTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { groupByKind, newestFirst, versionEvents } from './record-history.ts';
import { formatDetail } from './record-wording.ts';

const statusTags = {
  current: { text: 'Current', colour: 'green' },
  amended: { text: 'Replaced', colour: 'grey' },
  removed: { text: 'Removed', colour: 'red' },
} as const;

function Version({ version }: { version: RecordDetailVersion }) {
  const tag = statusTags[version.status];
  return (
    <li className="govuk-!-margin-bottom-4">
      <p className="govuk-body govuk-!-margin-bottom-1">
        <span className="ward-break-anywhere">{formatDetail(version.value)}</span>{' '}
        <Tag colour={tag.colour}>{tag.text}</Tag>
      </p>
      <ul className="govuk-list govuk-body-s">
        {versionEvents(version).map((event) => (
          <li key={event.what}>
            {event.what} by {event.by} on {formatDateTime(event.at)}
            {event.reason ? (
              <>
                . Reason: <span className="ward-break-anywhere">{event.reason}</span>
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
  const groups = groupByKind(history);
  if (groups.length === 0) return <p className="govuk-body">There is no history yet.</p>;
  return (
    <>
      {groups.map((group) => (
        <details className="govuk-details" key={group.kind}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {group.plural}: {group.versions.length} {group.versions.length === 1 ? 'version' : 'versions'}
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
