import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectFocus } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

/** The next code an authenticator app would show that Ward has not accepted yet (within its ±1 step). */
function appCodes(secret: string) {
  let last = -Infinity;
  const next = async (): Promise<string> => {
    const now = Date.now();
    const nowStep = Math.floor(now / 30_000);
    const step = Math.max(now % 30_000 > 5_000 ? nowStep - 1 : nowStep, last + 1);
    if (step > nowStep + 1) {
      // Every code in the window is used: wait for the app's next one, as a person would.
      await new Promise((resolve) => setTimeout(resolve, 30_000 - (now % 30_000) + 100));
      return next();
    }
    last = step;
    return generate({ secret, epoch: step * 30 });
  };
  return next;
}

describe('two-step sign-in in the console', () => {
  // The production default: administrators must use it.
  const ward = useWardAndBrowser({ env: { WARD_MFA_REQUIRED: 'admins-and-privacy-officers' } });

  it(
    'an administrator is taken to set it up, turns it on with a code from the key shown, then signs in with a code and resets a colleague’s, axe clean',
    { timeout: 120_000 },
    async () => {
      const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const context = await ward.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${ward.t.url}/console/chats`);
      await page.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();
      await page.getByLabel('Email address').fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Required and not set up: the set-up is the only page, and there is no navigation.
      await page.getByRole('heading', { name: 'Two-step sign-in', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/account/two-step-sign-in');
      await page.getByText('You must set up two-step sign-in before you can use Ward.').waitFor();
      expect(await page.getByRole('navigation', { name: 'Primary navigation' }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
      await page.getByRole('heading', { name: 'Set up two-step sign-in', level: 1 }).waitFor();
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      await expectNoAxeViolations(page);
      const secret = ((await page.locator('#mfa-secret').textContent()) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      // A wrong code first: the error summary takes focus and says what to do.
      await page.getByLabel('Code from your authenticator app').fill('12345');
      await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
      await page.getByRole('alert').getByText('Enter the 6-digit code your authenticator app shows now').waitFor();
      await expectFocus(
        page,
        (f) => f.inside.includes('.govuk-error-summary') || f.name.includes('There is a problem'),
        'the error summary',
      );
      await expectNoAxeViolations(page);

      const nowStep = Math.floor(Date.now() / 30_000);
      await page.getByLabel('Code from your authenticator app').fill(await generate({ secret, epoch: nowStep * 30 }));
      await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
      await page.getByRole('heading', { name: 'Your recovery codes', level: 1 }).waitFor();
      const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'I have stored my recovery codes' }).click();
      await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Staff', exact: true }).waitFor();

      // Signing in again: the password, then a code from the app (the next one it shows).
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();
      await page.getByLabel('Email address').fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Enter the code from your authenticator app', level: 1 }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel('Code', { exact: true }).fill(await generate({ secret, epoch: (nowStep + 1) * 30 }));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Chats', level: 1 }).waitFor();

      // Their own page, from the header: on, required, ten recovery codes left.
      await page.getByRole('link', { name: 'Two-step sign-in' }).click();
      await page.getByRole('heading', { name: 'Two-step sign-in', level: 1 }).waitFor();
      await page.getByText('On (required for your role)').waitFor();
      await expect.poll(() => page.locator('.govuk-summary-list').textContent()).toContain('10');
      expect(await page.getByRole('button', { name: 'Turn off two-step sign-in' }).count()).toBe(0);
      await expectNoAxeViolations(page);

      // A colleague lost their phone: reset from the Staff page; their session ends.
      const colleague = await ward.t.signUpStaff({ firstName: 'Tom', lastName: 'Reed' });
      const api = (path: string, cookie: string, body?: unknown) =>
        fetch(`${ward.t.url}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { cookie, origin: ward.t.config.publicUrl, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const started = (await (await api('/api/auth/mfa/enrolment', colleague.cookie, {})).json()) as { secret: string };
      const turnedOn = await api('/api/auth/mfa/enrolment/confirm', colleague.cookie, {
        code: await generate({ secret: started.secret }),
      });
      expect(turnedOn.status).toBe(200);
      await page.getByRole('link', { name: 'Staff', exact: true }).click();
      const row = page.getByRole('row').filter({ hasText: 'Tom Reed' });
      await row.getByRole('cell', { name: 'On', exact: true }).waitFor();
      await row.getByRole('button', { name: 'Reset two-step sign-in for Tom Reed' }).click();
      await expectFocus(page, { tag: 'h3', name: 'Reset two-step sign-in for Tom Reed?' }, 'the question');
      await expectNoAxeViolations(page);
      await page
        .getByRole('group', { name: 'Reset two-step sign-in for Tom Reed?' })
        .getByRole('button', { name: 'Reset two-step sign-in' })
        .click();
      await expect.poll(async () => (await api('/api/auth/me', colleague.cookie)).status).toBe(401);
      await expect
        .poll(() => page.getByRole('group', { name: 'Reset two-step sign-in for Tom Reed?' }).count())
        .toBe(0);
      await row.getByRole('cell', { name: 'Off', exact: true }).waitFor();
      expect(await row.getByRole('button', { name: /Reset two-step sign-in/ }).count()).toBe(0);
      // There is no reset for oneself.
      expect(
        await page
          .getByRole('row')
          .filter({ hasText: 'Priya Officer' })
          .getByRole('button', { name: /Reset two-step sign-in/ })
          .count(),
      ).toBe(0);
      await context.close();
    },
  );

  it(
    'an agent, for whom it is optional, turns it on, gets new recovery codes and turns it off, axe clean',
    { timeout: 120_000 },
    async () => {
      const agent = await ward.t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const page = await agentSignsIn(ward.browser, ward.t.url, agent.email, password);
      await page.getByRole('link', { name: 'Two-step sign-in' }).click();
      await page.getByText('Two-step sign-in is off for your account.').waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
      const secret = ((await page.locator('#mfa-secret').textContent()) ?? '').replace(/\s/g, '');
      const next = appCodes(secret);
      await page.getByLabel('Code from your authenticator app').fill(await next());
      await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
      await page.getByRole('heading', { name: 'Your recovery codes', level: 1 }).waitFor();
      const first = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
      await page.getByRole('button', { name: 'I have stored my recovery codes' }).click();

      // On: both forms, each needing a current code.
      await page.getByText('Recovery codes left').waitFor();
      await expectNoAxeViolations(page);
      const newCodes = page.getByRole('form', { name: 'Get new recovery codes' });
      await newCodes.getByRole('button', { name: 'Get new recovery codes' }).click();
      await newCodes.getByRole('alert').getByText('Enter the 6-digit code from your authenticator app').waitFor();
      await expectNoAxeViolations(page);
      await newCodes.getByLabel('Code from your authenticator app').fill(await next());
      await newCodes.getByRole('button', { name: 'Get new recovery codes' }).click();
      await page.getByText('You have new recovery codes').waitFor();
      const renewed = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
      expect(renewed).toHaveLength(10);
      expect(renewed.some((code) => first.includes(code))).toBe(false);
      await page.getByRole('button', { name: 'I have stored my recovery codes' }).click();

      const turnOff = page.getByRole('form', { name: 'Turn off two-step sign-in' });
      await turnOff.getByLabel('Code from your authenticator app').fill(await next());
      await turnOff.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
      await page.getByText('Two-step sign-in is off', { exact: true }).waitFor();
      await page.getByText('Two-step sign-in is off for your account.').waitFor();
      await expectNoAxeViolations(page);
      await page.context().close();
    },
  );
});
