import { render } from 'preact';
import { parseParentOrigin } from '../shared/post-message.ts';
import { App } from './app.tsx';
import { createParentBridge } from './parent-bridge.ts';
import { chooseLanguage, startingLanguage } from './i18n.ts';
import { loadLanguage } from './storage.ts';

/** Starts the chat app in its iframe: the language first, then the app (main.tsx calls it). */
export function boot(): void {
  const params = new URLSearchParams(window.location.search);
  const organisation = params.get('organisation') ?? '';
  const bridge = createParentBridge(parseParentOrigin(params.get('parent')));
  const root = document.getElementById('app');
  // The Welsh catalogue arrives before the first render, so the chat never flashes English first.
  void chooseLanguage(startingLanguage(loadLanguage(organisation), params.get('language')))
    .catch(() => chooseLanguage('en'))
    .then(() => {
      if (!root) return;
      root.textContent = '';
      render(<App organisation={organisation} bridge={bridge} />, root);
    });
}
