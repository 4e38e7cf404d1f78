import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/** What a keyboard user has focused, looking through open shadow roots. */
export type Focused = {
  tag: string;
  id: string;
  name: string;
  type: string | null;
  checked: boolean | null;
  inside: string[];
};

/**
 * The element that has focus in a document (or frame), described the way a person would:
 * its tag, id, accessible-ish name (aria-label, label text or own text) and, for controls,
 * type and checked state. `inside` lists the classes and ids of its ancestors.
 */
export async function focusedIn(target: Page | Frame): Promise<Focused> {
  return target.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return { tag: '', id: '', name: '', type: null, checked: null, inside: [] };
    const labelledBy = element.getAttribute('aria-labelledby');
    const labels = 'labels' in element ? Array.from((element as HTMLInputElement).labels ?? []) : [];
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : null) ??
      (labels.length > 0 ? labels.map((label) => label.textContent ?? '').join(' ') : null) ??
      element.getAttribute('title') ??
      element.textContent ??
      '';
    const inside: string[] = [];
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent.id) inside.push(`#${parent.id}`);
      for (const c of parent.classList) inside.push(`.${c}`);
    }
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name: name.replace(/\s+/g, ' ').trim(),
      type: element.getAttribute('type'),
      checked: element instanceof HTMLInputElement ? element.checked : null,
      inside,
    };
  });
}

/** Waits until the focused element in `target` matches (focus often moves after a render or a message). */
export async function expectFocus(
  target: Page | Frame,
  expected: Partial<Focused> | ((f: Focused) => boolean),
  what: string,
): Promise<Focused> {
  const matches = (f: Focused) =>
    typeof expected === 'function'
      ? expected(f)
      : Object.entries(expected).every(([key, value]) => (f as Record<string, unknown>)[key] === value);
  let last: Focused | null = null;
  await expect
    .poll(
      async () => {
        last = await focusedIn(target);
        return matches(last);
      },
      { message: `focus should be on ${what}`, timeout: 5_000, interval: 50 },
    )
    .toBe(true)
    .catch((error: unknown) => {
      throw new Error(`focus should be on ${what}, but is on ${JSON.stringify(last)}`, { cause: error });
    });
  return last as unknown as Focused;
}

/**
 * Presses Tab (or Shift+Tab) until focus reaches the element `matches` picks, failing after
 * `max` presses with the elements visited on the way, so a report shows the tab order.
 */
export async function tabTo(
  page: Page,
  target: Page | Frame,
  matches: (f: Focused) => boolean,
  what: string,
  options: { max?: number; backwards?: boolean } = {},
): Promise<Focused> {
  const visited: string[] = [];
  for (let presses = 0; presses < (options.max ?? 15); presses++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const now = await focusedIn(target);
    if (matches(now)) return now;
    visited.push(`${now.tag}${now.id ? `#${now.id}` : ''} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`Tab did not reach ${what}; visited: ${visited.join(' → ')}`);
}

/**
 * Starts recording what screen readers would announce: text added to a live region
 * (aria-live, or role status/alert/log) that was already in the page, outside aria-hidden.
 */
export async function listenToLiveRegions(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    const heard: { politeness: string; region: string; text: string }[] = [];
    (globalThis as unknown as { wardHeard: typeof heard }).wardHeard = heard;
    const implicit: Record<string, string> = { status: 'polite', log: 'polite', alert: 'assertive' };
    const record = (node: Node, parent: Node | null) => {
      const host = parent instanceof Element ? parent : parent?.parentElement;
      const region = host?.closest('[aria-live], [role="status"], [role="alert"], [role="log"]');
      if (!region || region.closest('[aria-hidden="true"]')) return;
      const politeness = region.getAttribute('aria-live') ?? implicit[region.getAttribute('role') ?? ''] ?? 'off';
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (politeness !== 'off' && text) heard.push({ politeness, region: region.id || region.className, text });
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'characterData') record(mutation.target, mutation.target.parentNode);
        else for (const node of mutation.addedNodes) record(node, mutation.target);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export type Announcement = { politeness: string; region: string; text: string };

/** Everything the live regions have said since `listenToLiveRegions`. */
export async function announcements(target: Page | Frame): Promise<Announcement[]> {
  return target.evaluate(
    () => (globalThis as unknown as { wardHeard: { politeness: string; region: string; text: string }[] }).wardHeard,
  );
}

/** Waits until a live region has said `text` (fails listing what was said), and returns where it was said. */
export async function expectAnnounced(target: Page | Frame, text: string): Promise<Announcement> {
  await expect
    .poll(() => announcements(target), { message: `a live region should announce "${text}"`, timeout: 5_000 })
    .toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.stringContaining(text) })]));
  return (await announcements(target)).find((a) => a.text.includes(text)) as Announcement;
}
