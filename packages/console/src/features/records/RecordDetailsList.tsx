import type { RecordDetailVersion } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { groupByKind } from './record-history.ts';
import { formatDetail } from './record-wording.ts';
import { useRecordsTexts } from './texts.ts';

/** The record's current values, a GOV.UK summary list with Change and Remove for each. */
export function RecordDetailsList({ recordId, details }: { recordId: string; details: RecordDetailVersion[] }) {
  const texts = useRecordsTexts();
  if (details.length === 0) return <p className="govuk-body">{texts.noDetails}</p>;
  return (
    <dl className="govuk-summary-list">
      {groupByKind(details, texts).flatMap((group) =>
        group.versions.map((detail, index) => {
          const text = formatDetail(detail.value, texts);
          const hidden = ` ${group.label.toLowerCase()} ${text}`;
          return (
            <div className="govuk-summary-list__row" key={detail.id}>
              <dt className="govuk-summary-list__key">
                {index === 0 ? (
                  group.versions.length > 1 ? (
                    group.plural
                  ) : (
                    group.label
                  )
                ) : (
                  <span className="govuk-visually-hidden">{group.label}</span>
                )}
              </dt>
              <dd className="govuk-summary-list__value ward-break-anywhere">{text}</dd>
              <dd className="govuk-summary-list__actions">
                <ul className="govuk-summary-list__actions-list">
                  <li className="govuk-summary-list__actions-list-item">
                    <Link
                      className="govuk-link"
                      href={pathTo(paths.recordChangeDetail, { recordId, detailId: detail.id })}
                    >
                      {texts.change}
                      <span className="govuk-visually-hidden">{hidden}</span>
                    </Link>
                  </li>
                  <li className="govuk-summary-list__actions-list-item">
                    <Link
                      className="govuk-link"
                      href={pathTo(paths.recordRemoveDetail, { recordId, detailId: detail.id })}
                    >
                      {texts.remove}
                      <span className="govuk-visually-hidden">{hidden}</span>
                    </Link>
                  </li>
                </ul>
              </dd>
            </div>
          );
        }),
      )}
    </dl>
  );
}
