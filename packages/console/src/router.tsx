import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * A tiny router on the History API. `navigationCount` goes up on every navigation after the
 * first page load, so a page heading knows when to take focus. Redirects (replace) made before
 * the person has pressed a key or pointer are part of loading the page, as a server's redirect
 * would be: they leave focus at the top of the document, so the skip link is the first Tab stop.
 */
export interface Location {
  pathname: string;
  search: string;
  navigationCount: number;
}

const listeners = new Set<() => void>();
let current: Location = { pathname: window.location.pathname, search: window.location.search, navigationCount: 0 };

let interacted = false;
for (const type of ['keydown', 'pointerdown']) {
  window.addEventListener(type, () => (interacted = true), { capture: true, once: true });
}

function update(countsAsNavigation = true): void {
  const { pathname, search } = window.location;
  if (pathname === current.pathname && search === current.search) return;
  current = { pathname, search, navigationCount: current.navigationCount + (countsAsNavigation ? 1 : 0) };
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => update());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const before = window.location.pathname;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (window.location.pathname !== before) window.scrollTo(0, 0);
  update(!options.replace || interacted);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

export function useSearchParam(name: string): string | null {
  const { search } = useLocation();
  return new URLSearchParams(search).get(name);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children: ReactNode };

/** An ordinary link that navigates without reloading the page. */
export function Link({ href, onClick, children, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(href);
  }
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/** Sends the browser elsewhere on first render (for redirects). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
