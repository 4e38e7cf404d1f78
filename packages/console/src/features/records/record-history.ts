import type { RecordDetailKind, RecordDetailVersion } from '@ward/protocol';
import { detailKindsIn } from './record-wording.ts';
import { recordsEn, type RecordsTexts } from './texts-en.ts';

/** Grouping a record's values and their history for the record page, in the console's language. Pure. */

export interface KindGroup {
  kind: RecordDetailKind;
  label: string;
  plural: string;
  versions: RecordDetailVersion[];
}

/** Versions grouped by kind, in the page's order of kinds; empty kinds left out. Order within a kind is kept. */
export function groupByKind(versions: readonly RecordDetailVersion[], says: RecordsTexts = recordsEn): KindGroup[] {
  return detailKindsIn(says)
    .map(({ kind, label, plural }) => ({ kind, label, plural, versions: versions.filter((v) => v.kind === kind) }))
    .filter((group) => group.versions.length > 0);
}

/** What happened to a version, in a sentence: "Added by Sam Okafor", "Changed by …", "Removed by …". */
export function versionEvents(
  version: RecordDetailVersion,
  says: RecordsTexts['history'] = recordsEn.history,
): { what: string; by: string; at: string; reason: string | null }[] {
  const events = [
    {
      what: version.replacesId ? says.changedToThis : says.added,
      by: version.createdBy.name,
      at: version.createdAt,
      reason: null as string | null,
    },
  ];
  if (version.supersededAt && version.supersededBy) {
    events.push({
      what: version.status === 'removed' ? says.removed : says.replaced,
      by: version.supersededBy.name,
      at: version.supersededAt,
      reason: version.changeReason,
    });
  }
  return events;
}

/** Newest first, whatever order the versions came in. */
export function newestFirst(versions: readonly RecordDetailVersion[]): RecordDetailVersion[] {
  return [...versions].sort(
    (a, b) =>
      Date.parse(b.supersededAt ?? b.createdAt) - Date.parse(a.supersededAt ?? a.createdAt) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}
