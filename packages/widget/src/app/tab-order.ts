const focusable = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]';

/**
 * The elements Tab stops at, in document order: enabled, shown, not tabindex="-1". (Ward's
 * steps never start or end with a radio group, so radios are not grouped here.)
 */
export function tabStops(root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusable)).filter(
    (element) =>
      element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0,
  );
}

/**
 * Focus goes round the full-screen chat: Tab past its end comes back to its first stop, Shift+Tab past its start to its
 * last.
 */
export function focusEdge(edge: 'first' | 'last'): void {
  const stops = tabStops();
  (edge === 'first' ? stops[0] : stops[stops.length - 1])?.focus();
}
