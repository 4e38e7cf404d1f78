import type { Page } from 'playwright-core';
import { expectFocus, tabTo } from './keyboard.ts';

/** Helpers for the cases e2e test: keyboard-only form filling, and UK dates for "when" fields. */

/** Focuses a field by its label (as Tab would reach it) and types into it. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/**
 * Chooses an option of a closed select with the keyboard, by typing its first word (a space
 * could open the list instead of extending the search).
 */
export async function chooseWithKeyboard(page: Page, label: string, optionText: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.focus();
  await page.keyboard.type(optionText.split(' ')[0] ?? optionText);
  const chosen = await select.evaluate(
    (element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
  );
  if (chosen !== optionText) throw new Error(`typing "${optionText}" chose "${chosen}" in ${label}`);
}

/** Tabs forward from the focused element to a button and presses Enter. */
export async function tabToButtonAndPress(page: Page, name: string): Promise<void> {
  await tabTo(page, page, (f) => f.tag === 'button' && f.name === name, `the ${name} button`, { max: 40 });
  await page.keyboard.press('Enter');
}

/** Checks a radio with the keyboard: focus its group's first radio, then arrow to it. */
export async function checkRadioWithKeyboard(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name, exact: true });
  await radio.focus();
  await page.keyboard.press('Space');
  await expectFocus(
    page,
    (f) => f.type === 'radio' && f.checked === true && f.name === name,
    `the ${name} radio, checked`,
  );
}

/** The UK date and 24-hour time an hour before `now`, as typed into a date input and a time field. */
export function anHourAgoInTheUk(now = new Date()): { day: string; month: string; year: string; time: string } {
  const then = new Date(now.getTime() - 60 * 60 * 1000);
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(then)) parts[part.type] = part.value;
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The value beside a key in the page's first GOV.UK summary list (the case's details). */
export function summaryValue(page: Page, key: string) {
  return page
    .locator('dl.govuk-summary-list')
    .first()
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) })
    .locator('dd');
}
