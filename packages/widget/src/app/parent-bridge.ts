import { parseLoaderMessage } from '../shared/post-message.ts';
import type { AppMessage, LoaderMessage } from '../shared/post-message.ts';

/**
 * Talks to the loader on the council's page. Posts only to the `parent` origin given in the
 * query string, and accepts only messages from that origin and from the parent window itself.
 */
export interface ParentBridge {
  /** True when the app runs in the loader's iframe (not opened on its own). */
  readonly embedded: boolean;
  post: (message: AppMessage) => void;
  listen: (handler: (message: LoaderMessage) => void) => () => void;
}

export function createParentBridge(parentOrigin: string | null): ParentBridge {
  const parentWindow = window.parent !== window ? window.parent : null;
  const embedded = parentWindow !== null && parentOrigin !== null;
  return {
    embedded,
    post: (message) => {
      if (embedded) parentWindow.postMessage(message, parentOrigin);
    },
    listen: (handler) => {
      const receive = (event: MessageEvent) => {
        if (!embedded || event.origin !== parentOrigin || event.source !== parentWindow) return;
        const message = parseLoaderMessage(event.data);
        if (message) handler(message);
      };
      window.addEventListener('message', receive);
      return () => window.removeEventListener('message', receive);
    },
  };
}
