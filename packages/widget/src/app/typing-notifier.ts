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
  private readonly _emit: (isTyping: boolean) => void;
  private readonly _now: () => number;
  private readonly _repeatMs: number;
  private readonly _idleMs: number;
  private _typing = false;
  private _lastSentAt = Number.NEGATIVE_INFINITY;
  private _idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: TypingNotifierOptions) {
    this._emit = options.emit;
    this._now = options.now ?? (() => Date.now());
    this._repeatMs = options.repeatMs ?? 2000;
    this._idleMs = options.idleMs ?? 3000;
  }

  /** Call on every change of the message box. */
  input(text: string): void {
    if (text.trim() === '') {
      this.stop();
      return;
    }
    const now = this._now();
    if (!this._typing || now - this._lastSentAt >= this._repeatMs) {
      this._typing = true;
      this._lastSentAt = now;
      this._emit(true);
    }
    clearTimeout(this._idleTimer);
    this._idleTimer = setTimeout(() => this.stop(), this._idleMs);
  }

  /** Call when the message is sent or the chat is left. */
  stop(): void {
    clearTimeout(this._idleTimer);
    this._idleTimer = undefined;
    if (!this._typing) return;
    this._typing = false;
    this._emit(false);
  }
}
