import { render } from 'preact';
import { parseParentOrigin } from '../shared/post-message.ts';
import { App } from './app.tsx';
import { createParentBridge } from './parent-bridge.ts';

const params = new URLSearchParams(window.location.search);
const organisation = params.get('organisation') ?? '';
const bridge = createParentBridge(parseParentOrigin(params.get('parent')));
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App organisation={organisation} bridge={bridge} />, root);
}
