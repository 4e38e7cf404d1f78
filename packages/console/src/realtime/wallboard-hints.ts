/** `wallboard:changed` from the server (no data): a chat started, was answered or ended. */
export class WallboardHints {
  readonly #listeners = new Set<() => void>();

  /** Returns the function that stops listening (an effect's clean-up). */
  add(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
