import type { LiveView } from '@ward/protocol';
import { getJson } from './http.ts';

/** A supervisor's live view: their departments' queues, staff and live chats (no resident's details). */
export function fetchLiveView(): Promise<LiveView> {
  return getJson<LiveView>('/api/supervision/live');
}
