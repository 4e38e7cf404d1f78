import type { ErasureExemption, ErasureItemKind, ErasurePreview } from '@ward/protocol';

/** The words the erasure section uses for items, exemptions and keys (ADR 35). */

export type PlannedItem = ErasurePreview['erase'][number];

export const kindNames: Record<ErasureItemKind, [string, string]> = {
  'customer-record': ['customer record', 'customer records'],
  case: ['case', 'cases'],
  chat: ['chat', 'chats'],
  'form-submission': ['form', 'forms'],
  email: ['email', 'emails'],
  disclosure: ['disclosure', 'disclosures'],
};

export const exemptionNames: Record<ErasureExemption, string> = {
  'legal-hold': 'under a legal hold',
  'legal-obligation': 'kept for a legal obligation',
  'legal-claims': 'kept for legal claims',
};

export const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
export const keys = (n: number) => `${n} data ${n === 1 ? 'key' : 'keys'}`;
const count = (n: number, kind: ErasureItemKind) => `${n} ${kindNames[kind][n === 1 ? 0 : 1]}`;

/** "3 chats, 1 case…": what a list of items comes to, kind by kind. */
export function counted(items: readonly PlannedItem[]): string[] {
  const byKind = new Map<ErasureItemKind, number>();
  for (const item of items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return [...byKind].map(([kind, n]) => count(n, kind));
}

export const itemKey = (item: { kind: ErasureItemKind; id: string }) => `${item.kind}:${item.id}`;

/**
 * Each item's name for an officer: "Chat WARD-1234", "Customer record"; names that would repeat
 * (two chats on one case, two records) are numbered so every checkbox says which one it is.
 */
export function itemNames(items: readonly PlannedItem[]): Map<string, string> {
  const base = items.map((item) => {
    const kind = capitalised(kindNames[item.kind][0]);
    if (!item.caseReference) return kind;
    return item.kind === 'case' || item.kind === 'chat'
      ? `${kind} ${item.caseReference}`
      : `${kind} on case ${item.caseReference}`;
  });
  const total = new Map<string, number>();
  for (const name of base) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    items.map((item, index) => {
      const name = base[index]!;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return [itemKey(item), (total.get(name) ?? 0) > 1 ? `${name} (${n} of ${total.get(name)})` : name];
    }),
  );
}
