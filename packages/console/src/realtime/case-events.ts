import type { CaseChangedPayload, CaseChangeReason } from '@ward/protocol';

/**
 * `case:changed` from the server (ids only), or `reconnected`: the socket came back after a
 * break, during which events may have been missed, so whatever is shown should be read again.
 */
export type CaseEvent = CaseChangedPayload | { caseId: null; reason: 'reconnected' };
export type CaseEventListener = (event: CaseEvent) => void;

/** The pages listening for case events; one per signed-in workspace (pure, no React). */
export class CaseEventListeners {
  readonly #listeners = new Set<CaseEventListener>();

  /** Returns the function that stops listening (an effect's clean-up). */
  add(listener: CaseEventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(event: CaseEvent): void {
    // A copy: a listener may stop listening while it is told.
    for (const listener of [...this.#listeners]) listener(event);
  }
}

/** Whether the event is about this case (a reconnect is about every case). */
export function concernsCase(event: CaseEvent, caseId: string): boolean {
  return event.caseId === null || event.caseId === caseId;
}

/**
 * What the open case page tells screen reader users (politely) once it has read the case again.
 * `changed`: whether what is shown changed: the agent's own change comes back as an event too,
 * but by then the page already shows it, so nothing more is said.
 */
export function caseUpdateAnnouncement(
  reasons: ReadonlySet<CaseChangeReason | 'reconnected'>,
  changed: boolean,
): string | null {
  if (reasons.has('email-received')) return 'New email from the resident on this case';
  return changed ? 'This case was updated' : null;
}

/** Whether two reads of a case show the same thing (the API's answers are plain JSON, in a stable order). */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Emails newly in `next`, by id, that were not in `known`: what to announce after the thread is read again. */
export function newEmails<E extends { id: string }>(known: readonly E[], next: readonly E[]): E[] {
  const ids = new Set(known.map((email) => email.id));
  return next.filter((email) => !ids.has(email.id));
}
