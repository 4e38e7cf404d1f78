import { createContext, useContext, useEffect, useRef } from 'react';
import type { WallboardHints } from './wallboard-hints.ts';

/** Provided by the workspace (workspace.tsx), which owns the socket. */
export const WallboardHintsContext = createContext<WallboardHints | null>(null);

/** Calls the newest `listener` on each hint. */
export function useWallboardHints(listener: () => void): void {
  const hints = useContext(WallboardHintsContext);
  const current = useRef(listener);
  useEffect(() => {
    current.current = listener;
  });
  useEffect(() => hints?.add(() => current.current()), [hints]);
}

/**
 * Keeps a live page's figures fresh: `reload` once a burst of hints has settled (`hintDelayMs`),
 * and every `everyMs` in case a hint was missed. The wallboard and the live view share it.
 */
export function useReloadOnHints(reload: () => void, hintDelayMs: number, everyMs: number): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useWallboardHints(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, hintDelayMs);
  });
  useEffect(() => {
    const every = setInterval(reload, everyMs);
    return () => {
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload, everyMs]);
}
