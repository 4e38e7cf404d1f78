/** Where the id of the chat the agent has selected is kept between reloads. */
export interface SelectionStore {
  read(): string | null;
  write(id: string | null): void;
}

// An id, not personal data; this tab only.
const selectedKey = 'ward:selected-chat';

/** The tab's sessionStorage; where storage is unavailable, the selection is just not remembered. */
export const sessionSelection: SelectionStore = {
  read() {
    try {
      return sessionStorage.getItem(selectedKey);
    } catch {
      return null;
    }
  },
  write(id) {
    try {
      if (id) sessionStorage.setItem(selectedKey, id);
      else sessionStorage.removeItem(selectedKey);
    } catch {
      // Unavailable (private mode, a locked-down browser): nothing to do.
    }
  },
};
