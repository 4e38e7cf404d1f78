import { chromium } from 'playwright-core';
import { io } from 'socket.io-client';
import { readFileSync } from 'node:fs';

const base = 'http://127.0.0.1:3917';
const shots = '/tmp/ward-shots';
const log = (...a) => console.log('•', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- agent login via the one-time invitation ---
const token = readFileSync('/tmp/ward-widget-server.log', 'utf8').match(/invitations\/([\w-]+)/)[1];
let res = await fetch(`${base}/api/invitations/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ firstName: 'Sam', lastName: 'Adviser', password: 'correct horse battery' }) });
let cookie = res.headers.get('set-cookie')?.split(';')[0];
if (!res.ok) {
  log('accept failed', res.status, await res.text(), '(trying login)');
  res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: process.env.AGENT_EMAIL ?? '', password: 'correct horse battery' }) });
  cookie = res.headers.get('set-cookie')?.split(';')[0];
}
log('agent cookie', Boolean(cookie));
const agent = io(`${base}/agent`, { extraHeaders: { cookie }, transports: ['websocket'] });
let queue = [];
agent.on('queue', (q) => (queue = q.waiting));
agent.on('connect_error', (e) => log('agent connect_error', e.message));
await new Promise((r) => agent.once('connect', r));
log('agent connected');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.on('console', (m) => log('console', m.type(), m.text()));
page.on('pageerror', (e) => log('pageerror', e.message));
await page.goto(`${base}/`);
const launcher = page.getByRole('button', { name: 'Chat with us' });
log('launcher expanded', await launcher.getAttribute('aria-expanded'));
await page.screenshot({ path: `${shots}/01-page.png` });
await launcher.focus();
await page.keyboard.press('Enter');
const frame = page.frameLocator('iframe[title="Chat with the council"]');
await frame.getByRole('heading', { name: 'Start a chat' }).waitFor();
await sleep(300);
log('launcher expanded', await launcher.getAttribute('aria-expanded'));
const f = page.frames().find((fr) => fr.url().includes('/widget/app/'));
log('focus in frame', await f.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)), 'page active', await page.evaluate(() => document.activeElement?.tagName));
await page.screenshot({ path: `${shots}/02-prechat.png` });
await frame.getByRole('button', { name: 'Start chat' }).click();
await sleep(200);
log('after empty submit focus', await f.evaluate(() => document.activeElement?.className), 'title', await f.title());
await page.screenshot({ path: `${shots}/03-errors.png` });
await frame.getByRole('link', { name: 'Enter your name' }).click();
log('after link focus', await f.evaluate(() => document.activeElement?.id));
await frame.getByLabel('Name').fill('Alex Resident');
await frame.getByLabel('Email address (optional)').fill('alex@example.com');
await frame.getByRole('radio', { name: 'Council Tax' }).check();
await frame.getByRole('checkbox', { name: 'I have read how my information will be used' }).check();
await frame.getByRole('button', { name: 'Start chat' }).click();
await frame.getByRole('heading', { name: 'Waiting for an adviser…' }).waitFor();
log('focus after start', await f.evaluate(() => document.activeElement?.outerHTML.slice(0, 80)));
const ref = await frame.locator('.ward-header__reference').textContent();
log('header ref', ref);
await frame.getByLabel('Type your message').fill('Hello, I have a question about my bill');
await frame.getByLabel('Type your message').press('Enter');
await frame.getByText('Delivered').first().waitFor({ state: 'attached' });
log('delivered');
await page.screenshot({ path: `${shots}/04-waiting.png` });

// --- agent accepts ---
await sleep(300);
const conv = queue[0];
log('queue', queue.length, conv?.caseReference);
const accepted = await agent.timeout(5000).emitWithAck('conversation:accept', { conversationId: conv.id });
log('accept ok', accepted.ok);
await frame.getByRole('heading', { name: "You're chatting with Sam" }).waitFor();
agent.emit('typing', { conversationId: conv.id, isTyping: true });
await frame.getByText('Sam is typing…').waitFor();
log('typing shown');
await page.screenshot({ path: `${shots}/05-typing.png` });
const sent = await agent.timeout(5000).emitWithAck('message:send', { conversationId: conv.id, clientMessageId: crypto.randomUUID(), body: 'Hi Alex, <b>how</b> can I help?' });
log('agent send', sent.ok);
await frame.getByText('Hi Alex, <b>how</b> can I help?').waitFor();
log('live region', await f.evaluate(() => [...document.querySelectorAll('[aria-live]')].map((e) => e.textContent).join(' | ')));
await page.screenshot({ path: `${shots}/06-active.png` });

// --- reload: resumes ---
await page.reload();
await frame.getByText('Hi Alex, <b>how</b> can I help?').waitFor();
log('after reload: panel open again; messages', await frame.locator('.ward-log li').count());
// --- close with Escape, focus returns to launcher ---
await frame.getByLabel('Type your message').focus();
await page.keyboard.press('Escape');
await sleep(200);
log('after Escape expanded', await launcher.getAttribute('aria-expanded'), 'focused', await page.evaluate(() => document.querySelector('[data-ward-widget]').shadowRoot.activeElement?.className));
await agent.timeout(5000).emitWithAck('message:send', { conversationId: conv.id, clientMessageId: crypto.randomUUID(), body: 'Are you still there?' });
await page.getByRole('button', { name: 'Chat with us, 1 new message' }).waitFor();
log('unread name ok');
await page.screenshot({ path: `${shots}/07-unread.png` });
await page.getByRole('button', { name: /Chat with us/ }).click();
await sleep(300);
log('reopened focus', await f.evaluate(() => document.activeElement?.id));

// --- offline: pending then resend ---
await context.setOffline(true);
await sleep(500);
await frame.getByLabel('Type your message').fill('Sent while offline');
await frame.getByRole('button', { name: 'Send' }).click();
await frame.getByText('Sending…').waitFor();
log('pending shown');
await page.screenshot({ path: `${shots}/08-offline.png` });
await context.setOffline(false);
await frame.getByText('Sent while offline').waitFor();
await frame.getByText('Sending…').waitFor({ state: 'detached', timeout: 20000 });
log('resent after reconnect');

// --- end chat ---
await frame.getByRole('button', { name: 'End chat' }).click();
await frame.getByRole('button', { name: 'Yes, end chat' }).click();
await frame.getByRole('heading', { name: 'Your chat has ended' }).waitFor();
log('post-chat focus', await f.evaluate(() => document.activeElement?.textContent));
await page.screenshot({ path: `${shots}/09-postchat.png` });
log('transcript prefilled', await frame.getByLabel('Email address').inputValue());
await frame.getByRole('button', { name: 'Email me a transcript' }).click();
await frame.getByText('We\'ll email a transcript of this chat to alex@example.com.').waitFor();
await frame.getByRole('checkbox', { name: 'Email me about changes to council services' }).check();
await frame.getByRole('button', { name: 'Save my choices' }).click();
await frame.getByText('Your choices have been saved.').waitFor();
await frame.getByRole('button', { name: 'Send feedback' }).click();
await frame.getByRole('link', { name: 'Select how you would rate this chat' }).waitFor();
await frame.getByRole('radio', { name: 'Very good' }).check();
await frame.getByLabel('Comments (optional)').fill('Quick and helpful');
await frame.getByRole('button', { name: 'Send feedback' }).click();
await frame.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();
await page.screenshot({ path: `${shots}/10-confirmation.png` });
await frame.getByRole('button', { name: 'Start a new chat' }).click();
await frame.getByRole('heading', { name: 'Start a chat' }).waitFor();
log('new chat ok');

// --- 320px wide ---
const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
const p2 = await narrow.newPage();
await p2.goto(`${base}/`);
await p2.screenshot({ path: `${shots}/11-narrow-page.png`, fullPage: true });
await p2.getByRole('button', { name: 'Chat with us' }).click();
const fr2 = p2.frameLocator('iframe[title="Chat with the council"]');
await fr2.getByRole('heading', { name: 'Start a chat' }).waitFor();
await p2.screenshot({ path: `${shots}/12-narrow-prechat.png` });
await fr2.getByRole('button', { name: 'Start chat' }).click();
await sleep(200);
await p2.screenshot({ path: `${shots}/13-narrow-errors.png` });
const f2 = p2.frames().find((fr) => fr.url().includes('/widget/app/'));
log('narrow scrollWidth', await f2.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]));
await fr2.getByLabel('Name').fill('Pat');
await fr2.getByRole('radio', { name: 'Housing' }).check();
await fr2.getByRole('checkbox', { name: 'I have read how my information will be used' }).check();
await fr2.getByRole('button', { name: 'Start chat' }).click();
await fr2.getByRole('heading', { name: 'Waiting for an adviser…' }).waitFor();
await fr2.getByLabel('Type your message').fill('A long message '.repeat(30) + 'https://example.com/a/very/long/url/that/should/wrap/without/horizontal/scrolling/at/all');
await fr2.getByLabel('Type your message').press('Enter');
await sleep(800);
await p2.screenshot({ path: `${shots}/14-narrow-dialogue.png` });
log('narrow dialogue scrollWidth', await f2.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]));
// 400% zoom of a 1280x800 window ≈ 320x200 CSS px
await p2.setViewportSize({ width: 320, height: 200 });
await sleep(300);
await p2.screenshot({ path: `${shots}/15-zoom400.png` });
log('zoom scroll', await f2.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.documentElement.scrollHeight]));
await p2.getByRole('button', { name: 'Chat with us' }).waitFor({ state: 'attached' });
log('launcher visibility when full screen & ready', await p2.evaluate(() => getComputedStyle(document.querySelector('[data-ward-widget]').shadowRoot.querySelector('.l')).visibility));

await browser.close();
agent.close();
log('done');
