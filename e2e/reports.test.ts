import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useWardAndBrowser } from './support/ward-and-browser.ts';
import { expectFocus, tabTo } from './support/keyboard.ts';
import { agentSignsIn, expectNoAxeViolations } from './support/pages.ts';

const password = 'correct horse battery staple';

describe('reports in the console', () => {
  const ward = useWardAndBrowser();

  it(
    'shows an administrator the figures, charts with their data and CSV links, by keyboard; an agent their own figures',
    { timeout: 180_000 },
    async () => {
      const { t } = ward;
      const agent = await t.signUpStaff({ role: 'agent', firstName: 'Sam', lastName: 'Adviser' });
      const admin = await t.signUpStaff({ role: 'admin', firstName: 'Priya', lastName: 'Manager' });
      // A chat answered, handled and rated 5; another the resident left before an answer.
      const chat = await t.startChat({ name: 'Ann Resident', email: 'ann@example.com' });
      await t.startChat({ name: 'Bob Resident' }).then(async (left) => {
        const socket = await t.visitorSocket(left.visitorToken);
        await socket.emitWithAck('conversation:end', {});
        socket.disconnect();
      });
      const socket = await t.agentSocket(agent.cookie);
      expect((await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId })).ok).toBe(true);
      await socket.emitWithAck('message:send', {
        conversationId: chat.conversationId,
        clientMessageId: randomUUID(),
        body: 'How can I help?',
      });
      expect((await socket.emitWithAck('conversation:end', { conversationId: chat.conversationId })).ok).toBe(true);
      socket.disconnect();
      const survey = await fetch(`${t.url}/api/visitor/conversation/survey`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.visitorToken}` },
        body: JSON.stringify({ rating: 5, comment: 'Quick and kind, thank you' }),
      });
      expect(survey.status).toBe(204);

      const page = await agentSignsIn(ward.browser, t.url, admin.email, password);
      await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
      await expect.poll(() => page.title()).toBe('Reports – Ward');
      const figures = page.locator('.ward-figures');
      await figures.waitFor();
      const figure = (name: string) =>
        figures
          .locator('.ward-figures__item')
          .filter({ has: page.getByText(name, { exact: true }) })
          .locator('dd');
      expect(await figure('Chats offered').textContent()).toBe('2');
      expect(await figure('Answered').textContent()).toBe('1');
      expect(await figure('Abandoned').textContent()).toBe('1');
      expect(await figure('Average rating').textContent()).toBe('5.00 out of 5');
      await page.getByRole('img', { name: 'Chats offered, answered and abandoned' }).waitFor();
      await page.getByRole('img', { name: 'Chats answered per adviser' }).waitFor();
      await expectNoAxeViolations(page);
      const text = await page.locator('main').textContent();
      for (const resident of ['Ann Resident', 'ann@example.com', 'Bob Resident']) expect(text).not.toContain(resident);

      // A chart's figures behind "Show data", opened with the keyboard.
      const perAdviser = page.locator('figure').filter({ hasText: 'Chats answered per adviser' });
      await perAdviser.locator('summary').focus();
      await page.keyboard.press('Enter');
      const row = perAdviser.getByRole('row').filter({ hasText: 'Sam Adviser' });
      await row.waitFor();
      expect(await row.getByRole('cell').last().textContent()).toBe('1');
      await expectNoAxeViolations(page);
      const csv = page.getByRole('link', { name: 'Download the figures per adviser (CSV)' });
      expect(await csv.getAttribute('href')).toMatch(/^\/api\/reports\/agents\?from=.*&format=csv$/);
      const download = await page.request.get(`${t.url}${await csv.getAttribute('href')}`);
      expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const downloaded = await download.text();
      expect(downloaded).toContain('"Sam Adviser"');
      expect(downloaded).not.toContain('Quick and kind');

      // Advisers' time and the survey comments (ADR 44), as data tables.
      const time = page.getByRole('table', { name: 'Advisers’ time: available, with a chat, and chats at once' });
      const samTime = time.getByRole('row').filter({ hasText: 'Sam Adviser' });
      await samTime.waitFor();
      expect(await samTime.getByRole('cell').nth(4).textContent()).toBe('1');
      const comments = page.getByRole('table', { name: 'Survey comments' });
      const comment = comments.getByRole('row').filter({ hasText: 'Quick and kind, thank you' });
      await comment.waitFor();
      expect(await comment.getByRole('cell').nth(3).textContent()).toBe('5 out of 5');
      await expectNoAxeViolations(page);

      // An end date before the start: the error summary, linked to the field, and the title says so.
      await page.locator('#report-to-year').focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('2020');
      await tabTo(page, page, (f) => f.tag === 'button' && f.name === 'Show report', 'Show report', { max: 20 });
      await page.keyboard.press('Enter');
      const problem = page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: 'The end date must be the same as or after the start date' });
      await problem.waitFor();
      await expect.poll(() => page.title()).toBe('Error: Reports – Ward');
      await expectNoAxeViolations(page);
      await problem.focus();
      await page.keyboard.press('Enter');
      await expectFocus(page, { id: 'report-to-day' }, 'the end date');

      // Narrowed to a topic nobody asked about, then to one adviser: the address holds them both.
      await page.goto(`${t.url}/console/reports`);
      await figures.waitFor();
      await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'Council Tax' });
      await page.getByRole('button', { name: 'Show report' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('topic')).toBe('council-tax');
      await expect.poll(() => figure('Chats offered').textContent()).toBe('0');
      await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'All topics' });
      await page.getByLabel('Adviser', { exact: true }).selectOption({ label: 'Sam Adviser' });
      await page.getByRole('button', { name: 'Show report' }).click();
      const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie: agent.cookie } })).json()) as {
        staff: { id: string };
      };
      await expect.poll(() => new URL(page.url()).searchParams.get('agentId')).toBe(me.staff.id);
      await expect.poll(() => figure('Answered').textContent()).toBe('1');
      await expectNoAxeViolations(page);

      // By week: the address holds the filters, and the report follows.
      await page.goto(`${t.url}/console/reports?from=2020-01-01&to=2020-01-31&period=week`);
      await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
      await figures.waitFor();
      expect(await figure('Chats offered').textContent()).toBe('0');
      await page.context().close();

      // The agent sees "Your figures": their own, without other advisers or departments.
      const own = await agentSignsIn(ward.browser, t.url, agent.email, password);
      await own.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Your figures' }).click();
      await own.getByRole('heading', { name: 'Your figures', level: 1 }).waitFor();
      const mine = own.locator('.ward-figures');
      await mine.waitFor();
      const mineFigure = (name: string) =>
        mine
          .locator('.ward-figures__item')
          .filter({ has: own.getByText(name, { exact: true }) })
          .locator('dd');
      expect(await mineFigure('Answered').textContent()).toBe('1');
      expect(await mineFigure('Chats offered').textContent()).toBe('0');
      expect(await own.getByRole('img', { name: 'Chats answered per adviser' }).count()).toBe(0);
      expect(await own.getByRole('table', { name: 'Survey comments' }).count()).toBe(0);
      expect(await mineFigure('Most chats at once').textContent()).toBe('1');
      await expectNoAxeViolations(own);
      await own.context().close();
    },
  );
});
