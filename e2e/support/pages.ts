import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WidgetConfig } from '@ward/protocol';
import { axeViolations } from './browser.ts';

export type Resident = { context: BrowserContext; page: Page; chat: FrameLocator; caseReference: string };

/** Fails with the list of violations, so a report says what to fix. */
export async function expectNoAxeViolations(page: Page, frameUrl?: RegExp): Promise<void> {
  const target = frameUrl ? page.frames().find((f) => frameUrl.test(f.url())) : page;
  if (!target) throw new Error(`no frame matching ${frameUrl}`);
  expect(await axeViolations(target)).toEqual([]);
}

export const widgetFrame = /\/widget\/app\//;

/**
 * The topics the widget would show as staffed now (someone of their department at the console, not away).
 * A closed console is recorded once every node has been asked, so tests wait on this, not on time.
 */
export async function staffedTopics(baseUrl: string): Promise<string[]> {
  const config = (await (await fetch(`${baseUrl}/api/widget/demo/config`)).json()) as WidgetConfig;
  return config.topics.filter((topic) => topic.staffed).map((topic) => topic.label);
}

/** A resident opens the demo council page, fills the pre-chat form and starts a chat. */
export async function residentStartsChat(
  browser: Browser,
  baseUrl: string,
  who: { name: string; email?: string; topic: string },
): Promise<Resident> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Chat with us/ }).click();
  const chat = page.frameLocator('iframe[title="Chat with the council"]');
  await chat.getByRole('heading', { name: 'Start a chat' }).waitFor();
  await expectNoAxeViolations(page, widgetFrame);
  await chat.getByLabel('Name').fill(who.name);
  if (who.email) await chat.getByLabel('Email address (optional)').fill(who.email);
  await chat.getByRole('radio', { name: who.topic }).check();
  await chat.getByRole('checkbox', { name: 'I have read how my information will be used' }).check();
  await chat.getByRole('button', { name: 'Start chat' }).click();
  const reference = await chat.getByText(/Your case reference: [0-9A-Z]{4}-[0-9A-Z]{4}/).textContent();
  const caseReference = /([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(reference ?? '')?.[1];
  if (!caseReference) throw new Error('no case reference shown');
  await chat.getByRole('heading', { name: 'Waiting for an adviser…' }).waitFor();
  return { context, page, chat, caseReference };
}

export async function residentSends(resident: Resident, text: string): Promise<void> {
  await resident.chat.getByLabel('Type your message').fill(text);
  await resident.chat.getByRole('button', { name: 'Send' }).click();
  const log = resident.chat.getByRole('log', { name: 'Messages' });
  await log.getByRole('listitem').filter({ hasText: text }).getByText('Delivered').waitFor();
}

/** Staff sign in through the console's sign-in page. */
export async function agentSignsIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  landing = 'Chats',
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/chats`);
  await page.getByRole('heading', { name: 'Sign in to Ward' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: landing, level: 1 }).waitFor();
  return page;
}
