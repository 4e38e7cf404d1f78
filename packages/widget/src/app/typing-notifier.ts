/**
 * Tells the server whether the resident is typing without flooding it: `true` at most once
 * every `repeatMs` while they keep typing, and `false` after `idleMs` without a keystroke
 * (or at once when they send or clear the box).
 */
export interface TypingNotifierOptions {
  emit: (isTyping: boolean) => void;
  now?: () => number;
  repeatMs?: number;
  idleMs?: number;
}

export class TypingNotifier {
  readonly #emit: (isTyping: boolean) => void;
  readonly #now: () => number;
  readonly #repeatMs: number;
  readonly #idleMs: number;
  #typing = false;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: TypingNotifierOptions) {
    this.#emit = options.emit;
    this.#now = options.now ?? (() => Date.now());
    this.#repeatMs = options.repeatMs ?? 2000;
    this.#idleMs = options.idleMs ?? 3000;
  }

  /** Call on every change of the message box. */
  input(text: string): void {
    if (text.trim() === '') {
      this.stop();
      return;
    }
    const now = this.#now();
    if (!this.#typing || now - this.#lastSentAt >= this.#repeatMs) {
      this.#typing = true;
      this.#lastSentAt = now;
      this.#emit(true);
    }
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.stop(), this.#idleMs);
  }

  /** Call when the message is sent or the chat is left. */
  stop(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    if (!this.#typing) return;
    this.#typing = false;
    this.#emit(false);
  }
}
