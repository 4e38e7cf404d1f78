import type { ContactEventKind, ReportFigures } from '@ward/protocol';

/**
 * Reports' figures from contact events, pure (ADR 36). The database aggregates a month of events
 * per group, kind and channel (reports.repository.ts); `aggregateEvents` does the same in memory
 * with the same definitions (percentiles by nearest rank, as PostgreSQL's percentile_disc), so a
 * hand-computed day of contacts checks both; `figuresOf` turns one group's aggregates into figures.
 */
export type EventAggregate = {
  group: string | null;
  kind: ContactEventKind;
  channel: string;
  count: number;
  /** Of the values (durations or ratings); 0 when none has one. */
  sum: number;
  max: number | null;
  p50: number | null;
  p90: number | null;
  /** How many events had the value 1 … 5 (survey ratings). */
  ratings: number[];
};

export type PlainEvent = {
  kind: ContactEventKind;
  channel: string;
  value: number | null;
  occurredAt: Date;
  departmentId: string | null;
  topicId: string | null;
  staffId: string | null;
};

/** The first value whose share of the sorted values reaches `fraction` (percentile_disc). */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** Kinds that are no contact's (advisers' statuses): agent-time.rules.ts reads them, the counts leave them out. */
export const uncountedKinds: readonly ContactEventKind[] = ['agent-status'];

/**
 * Timed kinds of several channels whose percentiles are the group's across channels: each channel's
 * aggregate carries the group's p50 and p90 (ADR 44).
 */
export const acrossChannelKinds: readonly ContactEventKind[] = ['out-of-hours-answered'];

export function aggregateEvents(
  events: readonly PlainEvent[],
  groupOf: (event: PlainEvent) => string | null,
): EventAggregate[] {
  const buckets = new Map<
    string,
    { group: string | null; kind: ContactEventKind; channel: string; events: PlainEvent[] }
  >();
  for (const event of events) {
    if (uncountedKinds.includes(event.kind)) continue;
    const group = groupOf(event);
    const id = JSON.stringify([group, event.kind, event.channel]);
    const bucket = buckets.get(id) ?? { group, kind: event.kind, channel: event.channel, events: [] };
    bucket.events.push(event);
    buckets.set(id, bucket);
  }
  const valuesOf = (grouped: readonly PlainEvent[]) =>
    grouped.flatMap((e) => (e.value === null ? [] : [e.value])).sort((a, b) => a - b);
  const all = [...buckets.values()];
  return all.map(({ group, kind, channel, events: grouped }) => {
    const values = valuesOf(grouped);
    const spread = acrossChannelKinds.includes(kind)
      ? valuesOf(all.filter((b) => b.group === group && b.kind === kind).flatMap((b) => b.events))
      : values;
    return {
      group,
      kind,
      channel,
      count: grouped.length,
      sum: values.reduce((total, v) => total + v, 0),
      max: values.at(-1) ?? null,
      p50: percentile(spread, 0.5),
      p90: percentile(spread, 0.9),
      ratings: [1, 2, 3, 4, 5].map((rating) => values.filter((v) => v === rating).length),
    };
  });
}

const ratio = (part: number, whole: number, scale: number) => (whole === 0 ? null : Math.round((part * scale) / whole));

/**
 * The figures of one group (all its aggregates; other groups' must be filtered out first), with its
 * advisers' time where the group has one (agent-time.rules.ts).
 */
export function figuresOf(
  aggregates: readonly EventAggregate[],
  agentTime: ReportFigures['agentTime'] = null,
): ReportFigures {
  const of = (kind: ContactEventKind) => aggregates.filter((a) => a.kind === kind);
  const count = (kind: ContactEventKind) => of(kind).reduce((total, a) => total + a.count, 0);
  const sum = (kind: ContactEventKind) => of(kind).reduce((total, a) => total + a.sum, 0);
  // Chat events have one channel, so one aggregate per kind: its percentiles are the group's (and
  // acrossChannelKinds carry the group's in each channel's).
  const spread = (kind: ContactEventKind) => {
    const [first] = of(kind);
    const maxima = of(kind).flatMap((a) => (a.max === null ? [] : [a.max]));
    return { p50: first?.p50 ?? null, p90: first?.p90 ?? null, max: maxima.length ? Math.max(...maxima) : null };
  };
  const perChannel = (kind: ContactEventKind) =>
    Object.fromEntries(
      of(kind)
        .map((a) => [a.channel, a.count] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  const handled = count('chat-ended');
  const responses = count('survey-answered');
  return {
    offered: count('chat-requested'),
    answered: count('chat-assigned'),
    abandoned: count('chat-abandoned'),
    missed: count('chat-missed'),
    // The chat's own event; the message's case has one in its channel too (counted as out of hours).
    leftMessage: of('chat-left-message')
      .filter((a) => a.channel === 'chat')
      .reduce((total, a) => total + a.count, 0),
    waitMs: spread('chat-assigned'),
    firstResponseMs: spread('chat-first-response'),
    handleMs: { ...spread('chat-ended'), average: ratio(sum('chat-ended'), handled, 1), total: sum('chat-ended') },
    transfers: count('chat-transferred'),
    messages: count('chat-message'),
    transcriptRequests: count('transcript-requested'),
    survey: {
      responses,
      responseRatePermille: ratio(responses, handled, 1000),
      averageRatingHundredths: ratio(sum('survey-answered'), responses, 100),
      distribution: [0, 1, 2, 3, 4].map((i) =>
        of('survey-answered').reduce((total, a) => total + (a.ratings[i] ?? 0), 0),
      ),
    },
    formsSubmitted: count('form-submitted'),
    emailsReceived: count('email-received'),
    emailsAnswered: count('email-answered'),
    casesOpened: perChannel('case-opened'),
    casesClosed: perChannel('case-closed'),
    outOfHours: {
      received: count('out-of-hours-received'),
      answered: count('out-of-hours-answered'),
      answerMs: spread('out-of-hours-answered'),
    },
    agentTime,
  };
}

/** The figures of each group, in the order given by `keys` (groups without events get zeros). */
export function figuresByGroup(
  aggregates: readonly EventAggregate[],
  keys: readonly (string | null)[],
  agentTimeOf: (key: string | null) => ReportFigures['agentTime'] = () => null,
): Array<{ key: string | null; figures: ReportFigures }> {
  const byGroup = new Map<string | null, EventAggregate[]>();
  for (const aggregate of aggregates)
    byGroup.set(aggregate.group, [...(byGroup.get(aggregate.group) ?? []), aggregate]);
  return keys.map((key) => ({ key, figures: figuresOf(byGroup.get(key) ?? [], agentTimeOf(key)) }));
}
