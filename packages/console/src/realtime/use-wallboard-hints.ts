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
