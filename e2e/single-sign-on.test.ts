import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort } from '../packages/server/src/shared/free-port.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../packages/server/test/support/oidc-provider.ts';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';
import { launchBrowser } from './support/browser.ts';
import { expectFocus } from './support/keyboard.ts';
import { expectNoAxeViolations } from './support/pages.ts';

describe('staff sign in with their council account (single sign-on, ADR 23)', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let browser: Browser;
  const agentsGroup = '7d2c4a9e-0000-4000-8000-000000000001';

  beforeAll(async () => {
    const port = await freePort();
    idp = await startTestIdentityProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
    t = await startTestApp({
      env: {
        PORT: String(port),
        WARD_OIDC_ISSUER: idp.issuer,
        WARD_OIDC_CLIENT_ID: idp.clientId,
        WARD_OIDC_CLIENT_SECRET: idp.clientSecret,
        WARD_OIDC_LABEL: 'Sign in with your Northshire account',
        WARD_OIDC_GROUP_MAP: JSON.stringify({ [agentsGroup]: { role: 'agent', departments: ['council-tax'] } }),
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  /** From the console's sign-in page, with the keyboard, through the provider's login and consent pages. */
  const signInWithCouncilAccount = async (personId: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${t.url}/console/chats`);
    await page.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();
    const button = page.getByRole('button', { name: 'Sign in with your Northshire account' });
    await button.waitFor();
    await expectNoAxeViolations(page);
    await button.focus();
    await page.keyboard.press('Enter');
    // The identity provider's own pages (its development login form).
    await page.waitForURL(new RegExp(`^${idp.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(personId);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    return page;
  };

  it('signs an existing member of staff in and shows the console, axe clean', { timeout: 120_000 }, async () => {
    const { email } = await t.signUpStaff({ firstName: 'Tom', lastName: 'Reed' });
    idp.addPerson('tom', { email });
    const page = await signInWithCouncilAccount('tom');
    await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
    // Back on the page they were sent to sign in from.
    expect(new URL(page.url()).pathname).toBe('/console/chats');
    await expectNoAxeViolations(page);
  });

  it('makes an account for a new person in a mapped group', { timeout: 120_000 }, async () => {
    idp.addPerson('noor', {
      email: `noor-${Date.now()}@council.example`,
      given_name: 'Noor',
      family_name: 'Haddad',
      groups: [agentsGroup],
    });
    const page = await signInWithCouncilAccount('noor');
    await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
  });

  it('tells someone Ward does not know that their account is not set up, focused and axe clean', async () => {
    idp.addPerson('stranger', { email: 'stranger@elsewhere.example' });
    const page = await signInWithCouncilAccount('stranger');
    await page.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();
    const summary = page.getByRole('alert');
    await expect
      .poll(() => summary.textContent())
      .toContain('Your council account is not set up for Ward. Ask your administrator.');
    await expectFocus(page, (f) => f.tag === 'div' && f.name.includes('There is a problem'), 'the error summary');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    // The password form is still there for those who have one.
    await page.getByLabel('Email address').waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('the sign-in page when password sign-in is turned off', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    idp = await startTestIdentityProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
    t = await startTestApp({
      env: {
        PORT: String(port),
        WARD_OIDC_ISSUER: idp.issuer,
        WARD_OIDC_CLIENT_ID: idp.clientId,
        WARD_OIDC_CLIENT_SECRET: idp.clientSecret,
        WARD_OIDC_PASSWORD_SIGN_IN: 'off',
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  it('offers only the council account button, axe clean', { timeout: 60_000 }, async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${t.url}/console/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your council account' }).waitFor();
    await expect.poll(() => page.getByLabel('Email address').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: /Or sign in with your email address/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
