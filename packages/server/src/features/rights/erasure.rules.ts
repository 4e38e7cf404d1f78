import type { SubjectScope } from './subject-scope.rules.ts';

/**
 * Erasure (issue 9, ADR 35), pure: from a subject scope (ADR 32), the active holds and what the
 * privacy officer chose, which items are erased, which are kept and why, and which data keys are
 * destroyed. No IO: the repository reads the facts, the verb applies the plan.
 */

export const erasureItemKinds = ['customer-record', 'case', 'chat', 'form-submission', 'email', 'disclosure'] as const;
export type ErasureItemKind = (typeof erasureItemKinds)[number];
export type ErasureItemRef = { kind: ErasureItemKind; id: string };

/** Why an item is kept (UK GDPR Article 17(3)): a legal hold, a legal obligation, or legal claims. */
export type Exemption = 'legal-hold' | 'legal-obligation' | 'legal-claims';
/** What an officer may mark kept; holds are found, never chosen. */
export type OfficerExemption = Exclude<Exemption, 'legal-hold'>;
export type KeepChoice = ErasureItemRef & { exemption: OfficerExemption; reason: string };

/** An active hold's target: exactly one of the three is set. */
export type ActiveHold = { dataSubjectId: string | null; caseId: string | null; conversationId: string | null };

export type PlannedItem = ErasureItemRef & { dataSubjectId: string; caseReference: string | null };
export type KeptItem = PlannedItem & { exemption: Exemption; reason: string | null };

export type ErasurePlan = {
  erase: PlannedItem[];
  kept: KeptItem[];
  /** In scope, neither chosen nor kept: left as they are (only when the officer chose items). */
  notChosen: PlannedItem[];
  /** Keys whose every item in scope is erased. */
  destroyKeys: string[];
  /** Keys that stay because an item under them is kept or was not chosen. */
  keptKeys: string[];
};

/** Every item of a scope, each once, with the case it belongs to (a record has none). */
export function scopeItems(scope: SubjectScope): Array<PlannedItem & { caseId: string | null }> {
  const reference = new Map(scope.cases.map((c) => [c.id, c.caseReference]));
  const child = (kind: ErasureItemKind) => (item: { id: string; caseId: string; dataSubjectId: string }) => ({
    kind,
    id: item.id,
    dataSubjectId: item.dataSubjectId,
    caseId: item.caseId || null,
    caseReference: reference.get(item.caseId) ?? null,
  });
  return [
    ...scope.records.map((r) => ({
      kind: 'customer-record' as const,
      id: r.id,
      dataSubjectId: r.dataSubjectId,
      caseId: null,
      caseReference: null,
    })),
    ...scope.cases.map((c) => ({
      kind: 'case' as const,
      id: c.id,
      dataSubjectId: c.dataSubjectId,
      caseId: c.id,
      caseReference: c.caseReference,
    })),
    ...scope.conversations.map(child('chat')),
    ...scope.formSubmissions.map(child('form-submission')),
    ...scope.emails.map(child('email')),
    ...scope.disclosures.map(child('disclosure')),
  ];
}

const refKey = (item: ErasureItemRef) => `${item.kind}:${item.id}`;

/**
 * Which cases and records an active hold covers, as retention reads holds (`activeHoldOnCase`):
 * a hold on the case, on its chat, or on the data subject of the case, its chat or its record.
 * A record is held when a hold names its subject or covers one of its cases (its details explain
 * the held case).
 */
function heldItems(scope: SubjectScope, holds: readonly ActiveHold[]): Set<string> {
  const subjects = new Set(holds.flatMap((h) => (h.dataSubjectId ? [h.dataSubjectId] : [])));
  const caseIds = new Set(holds.flatMap((h) => (h.caseId ? [h.caseId] : [])));
  const chats = new Set(holds.flatMap((h) => (h.conversationId ? [h.conversationId] : [])));
  const recordSubject = new Map(scope.records.map((r) => [r.id, r.dataSubjectId]));
  const chatSubject = new Map(scope.conversations.map((c) => [c.id, c.dataSubjectId]));
  const held = new Set<string>();
  for (const c of scope.cases) {
    const chatKey = c.conversationId ? chatSubject.get(c.conversationId) : undefined;
    const recordKey = c.recordId ? recordSubject.get(c.recordId) : undefined;
    if (
      caseIds.has(c.id) ||
      (c.conversationId !== null && chats.has(c.conversationId)) ||
      subjects.has(c.dataSubjectId) ||
      (chatKey !== undefined && subjects.has(chatKey)) ||
      (recordKey !== undefined && subjects.has(recordKey))
    ) {
      held.add(refKey({ kind: 'case', id: c.id }));
      if (c.recordId) held.add(refKey({ kind: 'customer-record', id: c.recordId }));
    }
  }
  for (const r of scope.records)
    if (subjects.has(r.dataSubjectId)) held.add(refKey({ kind: 'customer-record', id: r.id }));
  for (const c of scope.conversations)
    if (chats.has(c.id) || subjects.has(c.dataSubjectId)) held.add(refKey({ kind: 'chat', id: c.id }));
  return held;
}

/**
 * The plan. An item is kept when a hold covers it or its case (`legal-hold`), or the officer marked
 * it or its case kept; what a kept case holds (its chat, forms, emails, disclosures) is kept with
 * it, and a case is kept with any item on it that is kept (the contact explains it), a record with
 * any record of its merge family (their details are cleared together). With chosen items, a case
 * brings everything on it, a record only its own details, any other item only itself. A key is
 * destroyed only when every item in scope under it is erased.
 */
export function planErasure(input: {
  scope: SubjectScope;
  holds: readonly ActiveHold[];
  keep: readonly KeepChoice[];
  items: 'all' | readonly ErasureItemRef[];
}): ErasurePlan {
  const all = scopeItems(input.scope);
  const held = heldItems(input.scope, input.holds);
  const marked = new Map(input.keep.map((k) => [refKey(k), k]));
  const chosen =
    input.items === 'all'
      ? null
      : new Set(input.items.flatMap((i) => (i.kind === 'case' ? [refKey(i), `case-of:${i.id}`] : [refKey(i)])));
  const isChosen = (item: (typeof all)[number]) =>
    chosen === null ||
    chosen.has(refKey(item)) ||
    (item.kind !== 'customer-record' && item.caseId !== null && chosen.has(`case-of:${item.caseId}`));
  const keptBy = (item: (typeof all)[number]): { exemption: Exemption; reason: string | null } | null => {
    const caseRef = item.caseId ? refKey({ kind: 'case', id: item.caseId }) : null;
    if (held.has(refKey(item)) || (caseRef && held.has(caseRef))) return { exemption: 'legal-hold', reason: null };
    const mark = marked.get(refKey(item)) ?? (caseRef ? marked.get(caseRef) : undefined);
    return mark ? { exemption: mark.exemption, reason: mark.reason } : null;
  };
  const plan: ErasurePlan = { erase: [], kept: [], notChosen: [], destroyKeys: [], keptKeys: [] };
  for (const scoped of all) {
    const { caseId: _caseId, ...item } = scoped;
    const kept = keptBy(scoped);
    if (kept) plan.kept.push({ ...item, ...kept });
    else if (isChosen(scoped)) plan.erase.push(item);
    else plan.notChosen.push(item);
  }
  keepWhatKeptItemsNeed(input.scope, plan);
  const staying = new Set([...plan.kept, ...plan.notChosen].map((i) => i.dataSubjectId));
  plan.destroyKeys = [...new Set(plan.erase.map((i) => i.dataSubjectId))].filter((k) => !staying.has(k)).sort();
  plan.keptKeys = [...staying].sort();
  return plan;
}

/** Moves to `kept` the cases and records that a kept item needs (see `planErasure`). */
function keepWhatKeptItemsNeed(scope: SubjectScope, plan: ErasurePlan): void {
  const caseOf = new Map(
    [...scope.conversations, ...scope.formSubmissions, ...scope.emails, ...scope.disclosures].map((i) => [
      i.id,
      i.caseId,
    ]),
  );
  const head = new Map(scope.records.map((r) => [r.id, r.mergedIntoId ?? r.id]));
  const familyOf = (id: string) => {
    let at = id;
    for (let depth = 0; depth < 50 && head.get(at) !== at && head.has(head.get(at) ?? ''); depth++) at = head.get(at)!;
    return at;
  };
  const keptCases = new Map<string, KeptItem>();
  const keptFamilies = new Map<string, KeptItem>();
  for (const item of plan.kept) {
    const caseId = item.kind === 'case' || item.kind === 'customer-record' ? null : caseOf.get(item.id);
    if (caseId) keptCases.set(caseId, item);
    if (item.kind === 'customer-record') keptFamilies.set(familyOf(item.id), item);
  }
  plan.erase = plan.erase.filter((item) => {
    const because =
      item.kind === 'case'
        ? keptCases.get(item.id)
        : item.kind === 'customer-record'
          ? keptFamilies.get(familyOf(item.id))
          : undefined;
    if (!because) return true;
    plan.kept.push({ ...item, exemption: because.exemption, reason: because.reason });
    return false;
  });
}

/** Problems with an officer's choices, in words for the person (a 400), or null. */
export function erasureChoiceProblem(
  scope: SubjectScope,
  keep: readonly KeepChoice[],
  items: 'all' | readonly ErasureItemRef[],
): string | null {
  const known = new Set(scopeItems(scope).map(refKey));
  if (known.size === 0) return 'Nothing is confirmed as this resident’s yet: add their records or cases first';
  if (keep.some((k) => !known.has(refKey(k))) || (items !== 'all' && items.some((i) => !known.has(refKey(i)))))
    return 'An item chosen is not in this request’s scope';
  if (items !== 'all' && items.length === 0) return 'Choose what to erase';
  return null;
}

/** Items erased per kind, for the ledger and what the command prints. */
export function idsByKind(items: readonly ErasureItemRef[]): Record<ErasureItemKind, string[]> {
  const byKind = Object.fromEntries(erasureItemKinds.map((k) => [k, [] as string[]])) as Record<
    ErasureItemKind,
    string[]
  >;
  for (const item of items) byKind[item.kind].push(item.id);
  return byKind;
}

/** What an erased chat's name reads as while its key still exists (it is destroyed in the same transaction). */
export const erasedMarker = '[erased]';

/** The audit entry's reason: what carried the erasure out and the officer's words (redacted on the way in). */
export function erasureAuditReason(by: { requestId: string | null; caseReference?: string }, reason: string): string {
  const what = by.requestId
    ? `erasure, rights request ${by.requestId}`
    : `erasure by command, case ${by.caseReference ?? ''}`;
  return `${what}: ${reason}`;
}

const exemptionWords: Record<OfficerExemption, string> = {
  'legal-obligation': 'a legal obligation',
  'legal-claims': 'legal claims',
};

/** The request's history step: the officer's reason, and each item they kept with its exemption and reason. */
export function erasureStepReason(
  items: ReadonlyArray<PlannedItem>,
  keep: readonly KeepChoice[],
  reason: string,
): string {
  const named = new Map(items.map((i) => [`${i.kind}:${i.id}`, i.caseReference]));
  const kept = keep.map((k) => {
    const reference = named.get(refKey(k));
    return `Kept ${k.kind}${reference ? ` ${reference}` : ''} for ${exemptionWords[k.exemption]}: ${k.reason}`;
  });
  return [reason, ...kept].join('\n');
}
