import type { AgentStatus, AgentStatusEvent, ChosenAgentStatus } from '@ward/protocol';

/** Console activity is reported at most this often: the server counts idle time in minutes. */
const activityEveryMs = 60 * 1000;

/** What each status means, for the select and for what is announced. */
export const agentStatusLabels: Record<AgentStatus, string> = {
  available: 'Available',
  busy: 'Busy',
  away: 'Away',
  offline: 'Offline',
};

/**
 * The agent's routing status (ADR 39): what the server last said, the choice sent back, and
 * console activity (a key or a click) so the agent is not made away while working. No React.
 */
export class AgentStatusStore {
  #status: AgentStatus | null = null;
  #activityAt = 0;
  readonly #listeners = new Set<() => void>();
  readonly #choose: (status: ChosenAgentStatus) => Promise<string | null>;
  readonly #activity: () => void;
  readonly #announce: (text: string) => void;

  constructor(options: {
    choose: (status: ChosenAgentStatus) => Promise<string | null>;
    activity: () => void;
    announce: (text: string) => void;
  }) {
    this.#choose = options.choose;
    this.#activity = options.activity;
    this.#announce = options.announce;
  }

  /** Null until the server has said. */
  get status(): AgentStatus | null {
    return this.#status;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** `status` from the server: announced when it changed without the agent choosing it here. */
  receive({ status, reason }: AgentStatusEvent): void {
    const changed = status !== this.#status;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener();
    if (changed && reason === 'idle')
      this.#announce('Your status is now Away, after a while without activity. Choose Available to be given chats.');
    else if (changed && reason === 'chosen') this.#announce(`Your status is now ${agentStatusLabels[status]}`);
  }

  choose(status: ChosenAgentStatus): Promise<string | null> {
    return this.#choose(status);
  }

  /** A key or a click in the console. */
  noteActivity(now = Date.now()): void {
    if (now - this.#activityAt < activityEveryMs) return;
    this.#activityAt = now;
    this.#activity();
  }
}
