import type { ErasureExemption, ErasureItemKind, ErasurePreview } from '@ward/protocol';
import { countText } from './subject-finder-wording.ts';
import { rightsDataEn, type RightsDataTexts } from './texts-data-en.ts';

/** The words the erasure section uses for items, exemptions and keys (ADR 35). */

export type PlannedItem = ErasurePreview['erase'][number];

export const kindNames: Record<ErasureItemKind, [string, string]> = rightsDataEn.kinds;

export const exemptionNames: Record<ErasureExemption, string> = rightsDataEn.exemptions;

export const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
export const keys = (n: number, says: RightsDataTexts = rightsDataEn) => countText(n, says.counted.dataKey);

/** "3 chats, 1 case…": what a list of items comes to, kind by kind. */
export function counted(items: readonly PlannedItem[], says: RightsDataTexts = rightsDataEn): string[] {
  const byKind = new Map<ErasureItemKind, number>();
  for (const item of items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return [...byKind].map(([kind, n]) => countText(n, says.kinds[kind]));
}

export const itemKey = (item: { kind: ErasureItemKind; id: string }) => `${item.kind}:${item.id}`;

/**
 * Each item's name for an officer: "Chat WARD-1234", "Customer record"; names that would repeat
 * (two chats on one case, two records) are numbered so every checkbox says which one it is.
 */
export function itemNames(items: readonly PlannedItem[], says: RightsDataTexts = rightsDataEn): Map<string, string> {
  const base = items.map((item) => {
    const kind = capitalised(says.kinds[item.kind][0]);
    if (!item.caseReference) return kind;
    return item.kind === 'case' || item.kind === 'chat'
      ? `${kind} ${item.caseReference}`
      : says.itemOnCase(kind, item.caseReference);
  });
  const total = new Map<string, number>();
  for (const name of base) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    items.map((item, index) => {
      const name = base[index]!;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      const of = total.get(name) ?? 0;
      return [itemKey(item), of > 1 ? says.nOfTotal(name, n, of) : name];
    }),
  );
}
