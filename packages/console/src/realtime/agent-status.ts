import type { AgentStatus, AgentStatusEvent, ChosenAgentStatus } from '@ward/protocol';
import { announcementsEn, type AnnouncementTexts } from './announcements-en.ts';

/** Console activity is reported at most this often: the server counts idle time in minutes. */
const activityEveryMs = 60 * 1000;

/** What each status means, in English (pages not yet in Welsh); the chats page reads its language's. */
export const agentStatusLabels: Record<AgentStatus, string> = announcementsEn.statusLabels;

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
  readonly #says: () => AnnouncementTexts;

  constructor(options: {
    choose: (status: ChosenAgentStatus) => Promise<string | null>;
    activity: () => void;
    announce: (text: string) => void;
    /** The words in the console's language at the time (English unless given). */
    says?: () => AnnouncementTexts;
  }) {
    this.#choose = options.choose;
    this.#activity = options.activity;
    this.#announce = options.announce;
    this.#says = options.says ?? (() => announcementsEn);
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
    const says = this.#says();
    if (changed && reason === 'idle') this.#announce(says.statusIdle);
    else if (changed && reason === 'chosen') this.#announce(says.statusNow(says.statusLabels[status]));
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
