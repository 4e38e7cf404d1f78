import { languageOf } from '@ward/protocol/resident-rules';
import type { Language } from '@ward/protocol/resident-rules';
import { launcherName, parseAppMessage } from '../shared/post-message.ts';
import { createShiftCounter, shiftAnnouncement } from '../shared/quick-exit.ts';
import type { LoaderMessage } from '../shared/post-message.ts';
import { fullScreenQuery, loaderCss } from './styles.ts';

/**
 * Ward's loader, pasted by a council:
 *   <script src="https://ward.example/widget/loader.js" data-ward-organisation="demo" async></script>
 * Adds a "Chat with us" button and, only when a resident first opens it, the chat iframe. The chat's
 * language (ADR 49): `data-ward-language="cy"`, else the page's own `lang`, else English.
 * No framework; kept under 3 KB gzipped.
 */
const flagKey = 'ward-open';

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.hasAttribute('data-ward-organisation')) return current;
  return document.querySelector<HTMLScriptElement>('script[data-ward-organisation]');
}

function readFlag(): string | null {
  try {
    return sessionStorage.getItem(flagKey);
  } catch {
    return null;
  }
}

function writeFlag(value: string | null): void {
  try {
    if (value) sessionStorage.setItem(flagKey, value);
    else sessionStorage.removeItem(flagKey);
  } catch {
    // storage blocked: the chat just will not reopen by itself after a reload
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const name in attributes) created.setAttribute(name, attributes[name] as string);
  return created;
}

function start(script: HTMLScriptElement): void {
  if (document.querySelector('[data-ward-widget]')) return;
  const wardOrigin = new URL(script.src, location.href).origin;
  const organisation = script.getAttribute('data-ward-organisation') ?? '';
  let language: Language = languageOf(script.getAttribute('data-ward-language') || document.documentElement.lang);
  const labelIn = (chosen: Language) =>
    script.getAttribute('data-ward-label') || (chosen === 'cy' ? 'Sgwrsiwch â ni' : 'Chat with us');
  const titleIn = (chosen: Language) => (chosen === 'cy' ? 'Sgwrsio â’r cyngor' : 'Chat with the council');
  let label = labelIn(language);

  // The host stays in the page's flow as a spacer as tall as the launcher, so the end of the
  // page can always be scrolled out from under the fixed launcher.
  const host = element('div', { 'data-ward-widget': '' });
  for (const [property, value] of [
    ['all', 'initial'],
    ['display', 'block'],
    ['height', '80px'],
  ]) {
    host.style.setProperty(property as string, value as string, 'important');
  }
  const root = host.attachShadow({ mode: 'open' });
  const wrapper = element('div', {});
  const launcher = element('button', {
    type: 'button',
    class: 'l',
    'aria-expanded': 'false',
    'aria-controls': 'ward-panel',
  });
  const text = element('span', {});
  text.textContent = label;
  const badge = element('span', { class: 'b', 'aria-hidden': 'true' });
  launcher.append(text, badge);
  const panel = element('div', { class: 'p', id: 'ward-panel', hidden: '' });
  // Focus guards: on a full-screen panel, Tab cannot wander onto the page hidden behind it.
  const guards = [element('span', { class: 't' }), element('span', { class: 't' })];
  panel.append(guards[0] as HTMLSpanElement, guards[1] as HTMLSpanElement);
  wrapper.append(launcher, panel);

  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(loaderCss);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(element('style', {}));
    (root.firstChild as HTMLStyleElement).textContent = loaderCss;
  }
  // Read out how many more Shift presses leave the page, while "Exit this page" is offered.
  const said = element('div', { class: 'h', 'aria-live': 'polite' });
  root.append(wrapper, said);

  let iframe: HTMLIFrameElement | null = null;
  let ready = false;
  let open = false;
  let wantFocus = false;
  let chatActive = false;

  const post = (message: LoaderMessage) => {
    if (iframe && ready) iframe.contentWindow?.postMessage(message, wardOrigin);
  };

  const remember = () => writeFlag(open ? '1' : chatActive ? 'min' : null);

  // "Exit this page" (ADR 31) from the council's own page: Shift pressed three times here asks
  // the chat to leave as its button does; if the chat does not answer, the page leaves anyway.
  let exitTo: string | null = null;
  const shift = createShiftCounter();
  document.addEventListener('keydown', (event) => exitTo && shift.keydown(event.key, event.repeat), true);
  document.addEventListener(
    'keyup',
    (event) => {
      const left = exitTo ? shift.keyup(event.key, Date.now()) : null;
      if (left === null || !exitTo) return;
      said.textContent = shiftAnnouncement(left, language);
      if (left > 0) return;
      const url = exitTo;
      post({ ward: 1, type: 'exit-now' });
      setTimeout(() => {
        writeFlag(null);
        host.remove();
        location.replace(url);
      }, 1500);
    },
    true,
  );

  const setUnread = (count: number) => {
    badge.textContent = count > 0 ? String(count) : '';
    if (count > 0) launcher.setAttribute('aria-label', launcherName(label, count, language));
    else launcher.removeAttribute('aria-label');
  };

  const ensureFrame = () => {
    if (iframe) return iframe;
    iframe = element('iframe', {
      title: titleIn(language),
      src: `${wardOrigin}/widget/app/?organisation=${encodeURIComponent(organisation)}&parent=${encodeURIComponent(location.origin)}&language=${language}`,
      referrerpolicy: 'origin',
    });
    panel.insertBefore(iframe, guards[1] as HTMLSpanElement);
    return iframe;
  };

  const fullScreen = matchMedia(fullScreenQuery);
  const syncGuards = () => {
    for (const guard of guards) guard.tabIndex = open && fullScreen.matches ? 0 : -1;
  };
  fullScreen.addEventListener?.('change', syncGuards);
  // Shift+Tab from the chat's first control lands on the first guard: go round to its last one;
  // Tab from its last control lands on the second guard: go round to its first one.
  guards.forEach((guard, index) => {
    guard.addEventListener('focus', () => {
      iframe?.focus();
      post({ ward: 1, type: 'focus', edge: index === 0 ? 'last' : 'first' });
    });
  });

  const setOpen = (next: boolean, focus: boolean) => {
    open = next;
    const frame = next ? ensureFrame() : iframe;
    panel.hidden = !next;
    launcher.setAttribute('aria-expanded', String(next));
    wrapper.className = next && ready ? 'r' : '';
    syncGuards();
    remember();
    if (next) {
      wantFocus = focus;
      setUnread(0);
      if (focus) frame?.focus();
      post({ ward: 1, type: 'open', focus });
    } else {
      post({ ward: 1, type: 'hidden' });
      if (focus) launcher.focus();
    }
  };

  launcher.addEventListener('click', () => setOpen(!open, true));
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && open) setOpen(false, true);
  });

  window.addEventListener('message', (event) => {
    if (!iframe || event.origin !== wardOrigin || event.source !== iframe.contentWindow) return;
    const message = parseAppMessage(event.data);
    if (!message) return;
    if (message.type === 'ready') {
      ready = true;
      if (open) {
        wrapper.className = 'r';
        post({ ward: 1, type: 'open', focus: wantFocus });
      } else post({ ward: 1, type: 'hidden' });
    } else if (message.type === 'close') {
      if (open) setOpen(false, true);
    } else if (message.type === 'unread') {
      setUnread(open ? 0 : message.count);
    } else if (message.type === 'language') {
      language = message.language;
      text.textContent = label = labelIn(language);
      iframe.title = titleIn(language);
    } else if (message.type === 'quick-exit') {
      exitTo = message.url;
    } else if (message.type === 'exit') {
      // "Exit this page" (ADR 31): forget the chat, hide it at once, and replace this page with
      // the neutral one from Ward's own config (checked http(s)), so Back does not return here.
      writeFlag(null);
      host.remove();
      location.replace(message.url);
    } else {
      chatActive = message.active;
      remember();
    }
  });

  document.body.append(host);

  // Resume: a chat open in this tab before a reload comes back (without taking focus).
  const flag = readFlag();
  if (flag === '1') setOpen(true, false);
  else if (flag === 'min') {
    chatActive = true;
    ensureFrame();
  }
}

const script = findScript();
if (script) {
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script));
}
