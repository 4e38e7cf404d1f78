import { describe, expect, it } from 'vitest';
import type { Webhook } from '@ward/protocol';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectAnnounced, expectFocus, listenToLiveRegions } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';
import { startReceiver } from '../packages/server/test/support/webhook-receiver.ts';

const password = 'correct horse battery staple';

describe('an administrator adds a webhook in the console, pings it and reads its delivery log', () => {
  const ward = useWardAndBrowser({ env: { WARD_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' } });

  it('adds, pings, pauses and deletes a webhook with the keyboard, axe clean', { timeout: 120_000 }, async () => {
    const receiver = await startReceiver('127.0.0.1');
    try {
      const admin = await ward.t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Officer' });
      const page = await agentSignsIn(ward.browser, ward.t.url, admin.email, password);

      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByText('There are no webhooks yet.').waitFor();
      await expectNoAxeViolations(page);

      // Nothing filled in: the error summary takes focus and names both fields.
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: 'Enter the address Ward sends to' }).waitFor();
      await summary.getByRole('link', { name: 'Select at least one event to send' }).waitFor();
      await expectFocus(page, (f) => f.name.includes('There is a problem'), 'the error summary');
      await expect.poll(() => page.title()).toMatch(/^Error: Webhooks/);
      await expectNoAxeViolations(page);

      await page.getByLabel('Address Ward sends to').fill(`${receiver.url}/crm`);
      const events = page.getByRole('group', { name: 'Which events should Ward send?' });
      await events.getByRole('checkbox', { name: 'Case opened' }).check();
      // Space ticks a checkbox from the keyboard.
      await events.getByRole('checkbox', { name: 'Chat ended' }).focus();
      await page.keyboard.press('Space');
      await page.getByLabel('Description (optional)').fill('Case management');
      await page.getByRole('button', { name: 'Add webhook' }).press('Enter');

      await page.getByRole('alert').filter({ hasText: 'Webhook added' }).waitFor();
      const secret = await page.getByLabel('Signing secret').inputValue();
      expect(secret).toMatch(/^whsec_/);
      const link = page.getByRole('link', { name: `${receiver.url}/crm` });
      await link.waitFor();
      await page.getByRole('cell', { name: 'Case opened, Chat ended' }).waitFor();
      await expectNoAxeViolations(page);

      // The webhook's page: a test ping, then the log shows it delivered with the receiver's status.
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `${receiver.url}/crm`, level: 1 }).waitFor();
      await page.getByText('Nothing has been sent yet.').waitFor();
      await listenToLiveRegions(page);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Send a test ping' }).press('Enter');
      await expectAnnounced(page, 'A test ping has been queued: see the delivery log');
      await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
      expect(receiver.received[0]!.headers['ward-event']).toBe('ping');
      const log = page.getByRole('table', { name: /Deliveries/ });
      await expect
        .poll(
          async () => {
            await page.getByRole('button', { name: 'Refresh the log' }).click();
            return (await log.getByRole('cell', { name: 'Delivered' }).count()) > 0;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      const row = log.getByRole('row').filter({ hasText: 'Test ping' });
      await row.getByRole('cell', { name: '204' }).waitFor();
      await row.getByRole('cell', { name: '1', exact: true }).waitFor();
      await expectNoAxeViolations(page);

      // Pause, then delete after confirming.
      await page.getByRole('button', { name: 'Pause webhook' }).press('Enter');
      await expectAnnounced(page, 'The webhook has been paused');
      await page.getByRole('button', { name: 'Resume webhook' }).waitFor();
      const hooks = await fetch(`${ward.t.url}/api/webhooks`, { headers: { cookie: admin.cookie } });
      expect(((await hooks.json()) as { webhooks: Webhook[] }).webhooks[0]!.paused).toBe(true);

      await page.getByRole('button', { name: 'Delete webhook' }).press('Enter');
      await expectFocus(
        page,
        { tag: 'h3', name: 'Are you sure you want to delete this webhook?' },
        'the confirmation question',
      );
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Yes, delete webhook' }).press('Enter');
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByText('There are no webhooks yet.').waitFor();
    } finally {
      await receiver.close();
    }
  });
});
