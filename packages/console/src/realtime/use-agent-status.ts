import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AgentStatus } from '@ward/protocol';
import type { AgentStatusStore } from './agent-status.ts';

/** Provided by the workspace (workspace.tsx), which owns the socket. */
export const AgentStatusContext = createContext<AgentStatusStore | null>(null);

/** The store and the agent's status now (null until the server has said). */
export function useAgentStatus(): { store: AgentStatusStore | null; status: AgentStatus | null } {
  const store = useContext(AgentStatusContext);
  const status = useSyncExternalStore(
    (listener) => store?.subscribe(listener) ?? (() => {}),
    () => store?.status ?? null,
  );
  return { store, status };
}
