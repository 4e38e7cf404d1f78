import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { CaseEvent, CaseEventListeners } from './case-events.ts';

/** Provided by the workspace (workspace.tsx), which owns the socket. */
export const CaseEventsContext = createContext<CaseEventListeners | null>(null);

/**
 * Calls `listener` for each `case:changed` the agent's socket receives (the cases they own and
 * their departments' cases; ids only) and after a reconnect. The newest `listener` is always the
 * one called, so it may close over the component's current state.
 */
export function useCaseEvents(listener: (event: CaseEvent) => void): void {
  const listeners = useContext(CaseEventsContext);
  const current = useRef(listener);
  useEffect(() => {
    current.current = listener;
  });
  useEffect(() => listeners?.add((event) => current.current(event)), [listeners]);
}

/** How long case events are gathered before lists are read again: a form brings two, a busy department many. */
export const listRefreshDelayMs = 500;

/**
 * A number that goes up shortly after case events arrive (several close together count once):
 * lists read their page again when it changes, keeping what they show until the new page comes.
 */
export function useCaseListRefresh(): number {
  const [refresh, setRefresh] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useCaseEvents(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setRefresh((n) => n + 1);
    }, listRefreshDelayMs);
  });
  return refresh;
}
