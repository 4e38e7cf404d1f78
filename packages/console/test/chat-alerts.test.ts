import { describe, expect, it } from 'vitest';
import { parseAlertPreferences } from '../src/realtime/alert-preferences.ts';
import { alertForMessage, alertForQueue, alertTexts } from '../src/realtime/chat-alerts.ts';
import type { WorkspaceEvent, WorkspaceState } from '../src/realtime/workspace-state.ts';
import { initialWorkspaceState, workspaceReducer } from '../src/realtime/workspace-state.ts';
import { conversation, message, queueItem } from './helpers.ts';

const run = (events: WorkspaceEvent[]) => events.reduce(workspaceReducer, initialWorkspaceState);
const twoChats: WorkspaceState = run([
  { type: 'queue', waiting: [queueItem(9)] },
  { type: 'opened', conversation: conversation(1), messages: [message(1)], select: false },
  { type: 'opened', conversation: conversation(2), messages: [message(1)], select: true },
  { type: 'viewing', viewing: true },
]);
const chatId = (n: number) => conversation(n).id;

describe('alerts for a new chat and a message not on screen', () => {
  it('alerts when the queue grows, not when it is first received or shrinks', () => {
    expect(alertForQueue(initialWorkspaceState, [queueItem(1)])).toBeNull();
    expect(alertForQueue(twoChats, [queueItem(9), queueItem(10)])).toBe('new-chat');
    expect(alertForQueue(twoChats, [])).toBeNull();
    expect(alertForQueue(twoChats, [queueItem(9)])).toBeNull();
  });

  it('alerts for a resident’s message in a chat that is not on screen', () => {
    const fromResident = message(2, { sender: 'visitor' });
    expect(alertForMessage(twoChats, chatId(1), fromResident, true)).toBe('new-message');
    // The selected chat, on the chats page, in a visible tab: the agent sees it arrive.
    expect(alertForMessage(twoChats, chatId(2), fromResident, true)).toBeNull();
    expect(alertForMessage(twoChats, chatId(2), fromResident, false)).toBe('new-message');
    expect(alertForMessage({ ...twoChats, viewing: false }, chatId(2), fromResident, true)).toBe('new-message');
  });

  it('stays quiet for the agent’s own messages, Ward’s notices, repeats and chats not open', () => {
    expect(alertForMessage(twoChats, chatId(1), message(2, { sender: 'agent' }), true)).toBeNull();
    expect(alertForMessage(twoChats, chatId(1), message(2, { sender: 'system' }), true)).toBeNull();
    expect(alertForMessage(twoChats, chatId(1), message(1, { sender: 'visitor' }), true)).toBeNull();
    expect(alertForMessage(twoChats, chatId(7), message(2, { sender: 'visitor' }), true)).toBeNull();
  });

  it('says nothing personal in a desktop notification', () => {
    expect(Object.values(alertTexts)).toEqual(['New chat waiting', 'New message in a chat']);
  });

  it('reads the agent’s stored choice, and falls back to a sound only', () => {
    expect(parseAlertPreferences(null)).toEqual({ sound: true, desktop: false });
    expect(parseAlertPreferences('{"sound":false,"desktop":true}')).toEqual({ sound: false, desktop: true });
    expect(parseAlertPreferences('not json')).toEqual({ sound: true, desktop: false });
    expect(parseAlertPreferences('{"sound":"yes"}')).toEqual({ sound: true, desktop: false });
  });
});
