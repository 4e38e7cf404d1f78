/**
 * Sends typing events without flooding the server: `true` at most once per `intervalMs` while
 * the agent keeps typing, and `false` once after `idleMs` without a keystroke, when the text is
 * cleared, or when the message is sent.
 */
export class TypingNotifier {
  private typing = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly emit: (isTyping: boolean) => void;
  private readonly intervalMs: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(
    emit: (isTyping: boolean) => void,
    options: { intervalMs?: number; idleMs?: number; now?: () => number } = {},
  ) {
    this.emit = emit;
    this.intervalMs = options.intervalMs ?? 3000;
    this.idleMs = options.idleMs ?? 4000;
    this.now = options.now ?? Date.now;
  }

  /** Call on every change of the draft. */
  input(hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.typing || now - this.lastSentAt >= this.intervalMs) {
      this.typing = true;
      this.lastSentAt = now;
      this.emit(true);
    }
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** Call when the message is sent or the composer goes away. */
  stop(): void {
    this.clearIdleTimer();
    if (this.typing) {
      this.typing = false;
      this.lastSentAt = Number.NEGATIVE_INFINITY;
      this.emit(false);
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
