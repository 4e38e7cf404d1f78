import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../packages/server/test/support/test-app.ts';
import { startSmtpSink } from '../packages/server/test/support/smtp-sink.ts';
import { launchBrowser } from './support/browser.ts';
import {
  agentSignsIn,
  expectNoAxeViolations,
  residentSends,
  residentStartsChat,
  widgetFrame,
} from './support/pages.ts';

describe('a resident on the council page and an agent in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it(
    'hold whole conversations, two at once, through a reload, ending with a transcript by email',
    { timeout: 180_000 },
    async () => {
      const staff = await t.signUpStaff({ firstName: 'Sam', lastName: 'Okafor' });
      const agent = await agentSignsIn(browser, t.url, staff.email, 'correct horse battery staple');
      await expectNoAxeViolations(agent);

      const ann = await residentStartsChat(browser, t.url, {
        name: 'Ann Resident',
        email: 'ann@example.com',
        topic: 'Bins and recycling',
      });
      const bob = await residentStartsChat(browser, t.url, { name: 'Bob Resident', topic: 'Council Tax' });

      // The agent takes both chats from the queue.
      await agent.getByRole('button', { name: `Accept chat ${ann.caseReference}` }).click();
      await ann.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
      await agent.getByRole('button', { name: `Accept chat ${bob.caseReference}` }).click();
      await bob.chat.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
      await expectNoAxeViolations(agent);
      await expectNoAxeViolations(ann.page, widgetFrame);

      // Bob's chat is selected (accepted last); Ann writes, and her chat shows an unread message.
      await residentSends(ann, 'My green bin was not collected on Tuesday');
      await agent.getByRole('button', { name: new RegExp(`Ann Resident.*${ann.caseReference}.*1 unread`) }).waitFor();
      const annChat = agent.getByRole('button', { name: new RegExp(`Ann Resident.*${ann.caseReference}`) });

      await agent.getByLabel('Reply to Bob Resident').fill('Hello Bob, how can I help with your Council Tax?');
      await agent.getByRole('button', { name: 'Send', exact: true }).click();
      await bob.chat
        .getByRole('log', { name: 'Messages' })
        .getByText('Hello Bob, how can I help with your Council Tax?')
        .waitFor();

      await annChat.click();
      await agent
        .getByRole('log', { name: 'Messages with Ann Resident' })
        .getByText('My green bin was not collected on Tuesday')
        .waitFor();
      await agent.getByLabel('Reply to Ann Resident').fill('Sorry about that, I have booked a collection for tomorrow');
      await agent.getByRole('button', { name: 'Send', exact: true }).click();
      await ann.chat
        .getByRole('log', { name: 'Messages' })
        .getByText('Sorry about that, I have booked a collection for tomorrow')
        .waitFor();
      await expectNoAxeViolations(agent);

      // Ann reloads the page mid-chat: the chat comes back as it was, and carries on.
      await ann.page.reload();
      const annLog = ann.chat.getByRole('log', { name: 'Messages' });
      await annLog.getByText('Sorry about that, I have booked a collection for tomorrow').waitFor();
      await residentSends(ann, 'Thank you, that is all');
      await agent
        .getByRole('log', { name: 'Messages with Ann Resident' })
        .getByText('Thank you, that is all')
        .waitFor();
      const annBodies = await annLog.getByRole('listitem').allTextContents();
      for (const text of [
        'My green bin was not collected on Tuesday',
        'Sorry about that, I have booked a collection for tomorrow',
        'Thank you, that is all',
      ]) {
        expect(annBodies.filter((b) => b.includes(text))).toHaveLength(1);
      }

      // Ann ends the chat and asks for the transcript by email; a real SMTP server receives it.
      await ann.chat.getByRole('button', { name: 'End chat' }).click();
      await ann.chat.getByRole('button', { name: 'Yes, end chat' }).click();
      await ann.chat.getByRole('heading', { name: 'Your chat has ended' }).waitFor();
      await expectNoAxeViolations(ann.page, widgetFrame);
      const mail = smtp.next();
      await expect.poll(() => ann.chat.getByLabel('Email address').inputValue()).toBe('ann@example.com');
      await ann.chat.getByRole('button', { name: 'Email me a transcript' }).click();
      await ann.chat
        .getByText('We’ll email a transcript of this chat to ann@example.com.')
        .or(ann.chat.getByText("We'll email a transcript of this chat to ann@example.com."))
        .waitFor();
      const received = await mail;
      expect(received.to).toBe('ann@example.com');
      expect(received.subject).toContain(ann.caseReference);
      expect(received.text).toContain('My green bin was not collected on Tuesday');
      // Ann opts in to service updates; the widget confirms once Ward has saved the choice.
      await ann.chat.getByRole('checkbox', { name: 'Email me about changes to council services' }).check();
      await ann.chat.getByRole('button', { name: 'Save my choices' }).click();
      await ann.chat.getByText('Your choices have been saved.').waitFor();
      await ann.chat.getByRole('radio', { name: 'Very good' }).check();
      await ann.chat.getByRole('button', { name: 'Send feedback' }).click();
      await ann.chat.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();

      // The agent files the summary, then finds the contact again by its case reference.
      await agent.getByLabel('Summary of the contact').fill('Missed green bin; collection booked for tomorrow');
      await agent.getByRole('button', { name: 'Save summary', exact: true }).click();
      await agent.getByRole('link', { name: 'Conversations' }).click();
      await agent.getByLabel('Case reference').fill(ann.caseReference.toLowerCase());
      await agent.getByRole('button', { name: 'Find conversation' }).click();
      await agent.getByRole('heading', { name: ann.caseReference, level: 1 }).waitFor();
      await agent.getByText('Missed green bin; collection booked for tomorrow').waitFor();
      await agent.getByText('Thank you, that is all', { exact: true }).waitFor();
      await expectNoAxeViolations(agent);

      // Or by the resident's email address, matched through blind indexes (never in the URL).
      await agent.getByRole('link', { name: 'Conversations', exact: true }).click();
      await agent.getByLabel('Email address').fill('ANN@example.com');
      await agent.getByRole('button', { name: 'Search', exact: true }).click();
      await agent
        .getByRole('region', { name: 'Conversations found' })
        .getByRole('link', { name: ann.caseReference })
        .waitFor();
      expect(agent.url()).not.toContain('ann@');
      await expectNoAxeViolations(agent);
    },
  );
});
