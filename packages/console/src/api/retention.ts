import type { DestructionLogEntry, HoldStatus, PlaceHoldBody, RetentionHold, UpcomingExpiry } from '@ward/protocol';
import { getJson, postJson, segment } from './http.ts';

/** Legal holds, newest first; administrators only. */
export async function fetchHolds(status: HoldStatus): Promise<RetentionHold[]> {
  const { holds } = await getJson<{ holds: RetentionHold[] }>(
    `/api/retention/holds?status=${encodeURIComponent(status)}`,
  );
  return holds;
}

export async function placeHold(body: PlaceHoldBody): Promise<RetentionHold> {
  const { hold } = await postJson<{ hold: RetentionHold }>('/api/retention/holds', body);
  return hold;
}

export async function liftHold(id: string): Promise<RetentionHold> {
  const { hold } = await postJson<{ hold: RetentionHold }>(`/api/retention/holds/${segment(id)}/lift`, {});
  return hold;
}

/** What will be deleted next, soonest first. */
export async function fetchUpcoming(limit = 100): Promise<UpcomingExpiry[]> {
  const { upcoming } = await getJson<{ upcoming: UpcomingExpiry[] }>(
    `/api/retention/upcoming?limit=${encodeURIComponent(String(limit))}`,
  );
  return upcoming;
}

export async function fetchDestructionLog(): Promise<DestructionLogEntry[]> {
  const { entries } = await getJson<{ entries: DestructionLogEntry[] }>('/api/retention/destruction-log');
  return entries;
}
