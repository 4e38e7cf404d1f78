import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectFocus, tabTo } from './keyboard.ts';
import { expectNoAxeViolations } from './pages.ts';

/**
 * A resident reports a fault on the public form page with the keyboard only: sends it empty first
 * (the error summary takes focus), then fills it in. Every state is checked with axe. Answers the
 * case reference shown on the confirmation page.
 */
export async function residentReportsFault(
  browser: Browser,
  baseUrl: string,
  who: { name: string; email: string },
): Promise<{ page: Page; caseReference: string }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${baseUrl}/forms/demo/`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Report a fault' }).click();
  await page.getByRole('heading', { name: 'Report a fault', level: 1 }).waitFor();
  await expectNoAxeViolations(page);

  // Sent empty: the page comes back with the GOV.UK error summary, focused.
  await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Send', 'the Send button', { max: 40 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectFocus(page, (f) => f.name.startsWith('There is a problem'), 'the error summary');
  await expect.poll(() => page.title()).toMatch(/^Error: /);
  await expectNoAxeViolations(page);

  // The first error link takes the keyboard to the fault type; arrow keys choose one.
  await tabTo(page, page, (f) => f.tag === 'a' && /kind of fault/i.test(f.name), 'the fault type error link', {
    max: 3,
  });
  await page.keyboard.press('Enter');
  await expectFocus(page, { type: 'radio', name: 'A street light that is not working' }, 'the first fault type');
  await page.keyboard.press('ArrowDown');
  await expectFocus(page, { type: 'radio', name: 'A pothole', checked: true }, 'the pothole option, chosen');
  const typeInto = async (id: string, text: string) => {
    await tabTo(page, page, (f) => f.id === id, `the field #${id}`, { max: 12 });
    await page.keyboard.type(text);
  };
  await typeInto('location-where', 'Outside 12 Mill Lane');
  await typeInto('description', 'A deep pothole in the middle of the road');
  await typeInto('name', who.name);
  await typeInto('email', who.email);
  await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Send', 'the Send button', { max: 12 });
  await page.keyboard.press('Enter');

  const panel = page.locator('.govuk-panel--confirmation');
  await panel.getByText('Your case reference').waitFor();
  const caseReference = /([0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await panel.textContent()) ?? '')?.[1];
  if (!caseReference) throw new Error('no case reference on the confirmation page');
  await expectNoAxeViolations(page);
  return { page, caseReference };
}

/** Sends a fault report through the forms API (to set up a record with a case quickly). */
export async function faultReportedByApi(baseUrl: string, who: { name: string; email: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/forms/demo/report-a-fault/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      answers: {
        faultType: 'street-light',
        location: { where: 'Lamp post 7, Mill Lane' },
        description: 'The light is out',
        name: who.name,
        email: who.email,
      },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { caseReference: string }).caseReference;
}

/** Follows a link or presses a button the way a keyboard user does: Tab to it, then Enter. */
export async function keyboardActivate(
  page: Page,
  name: string | RegExp,
  what: string,
  options: { max?: number; tag?: 'a' | 'button'; backwards?: boolean } = {},
): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  await tabTo(
    page,
    page,
    (f) => (options.tag ? f.tag === options.tag : f.tag === 'a' || f.tag === 'button') && matches(f.name),
    what,
    { max: options.max ?? 40, ...(options.backwards ? { backwards: true } : {}) },
  );
  await page.keyboard.press('Enter');
}
