import { describe, expect, it } from 'vitest';
import { inactivityEndedMessage } from '@ward/protocol';
import { standingWarning } from '../src/realtime/inactivity-warning.ts';
import {
  announcementForConversation,
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceEvent,
} from '../src/realtime/workspace-state.ts';
import { conversation, message } from './helpers.ts';

// 13:00:10 London summer time is 2:00pm; the chat closes two minutes after the warning.
const warning = { warnedAt: '2025-06-03T13:00:10.000Z', closesAt: '2025-06-03T13:02:10.000Z' };
const quiet = conversation(1);
const warned = conversation(1, { inactivityWarning: warning });
const run = (events: WorkspaceEvent[]) => events.reduce(workspaceReducer, initialWorkspaceState);
const opened = (messages = [message(1), message(2, { sender: 'agent' })]) =>
  run([{ type: 'opened', conversation: quiet, messages, select: true }]);

describe('the adviser hears of a silent chat’s warning, the stay and the close', () => {
  it('says when the resident is warned, with the closing time on the UK clock', () => {
    expect(announcementForConversation(opened(), warned)).toBe(
      'Chat 4K7M-9P2X: Resident 1 has been warned. The chat closes at 2:02pm unless someone writes or Resident 1 chooses to stay.',
    );
    // The same warning again (another change to the chat) is not said twice.
    const state = workspaceReducer(opened(), { type: 'conversation', conversation: warned });
    expect(announcementForConversation(state, { ...warned, summary: 'x' })).toBeNull();
  });

  it('says the resident stayed when the warning goes with nobody having written', () => {
    const state = workspaceReducer(opened(), { type: 'conversation', conversation: warned });
    expect(announcementForConversation(state, quiet)).toBe('Resident 1 chose to stay in chat 4K7M-9P2X.');
    // Someone wrote after the warning: it no longer stands here, and its clearing is not news.
    const answered = workspaceReducer(state, { type: 'message', conversationId: quiet.id, message: message(11) });
    expect(standingWarning(warned, answered.chats[0]!.messages)).toBeNull();
    expect(standingWarning(warned, state.chats[0]!.messages)).toEqual(warning);
    expect(announcementForConversation(answered, quiet)).toBeNull();
  });

  it('says the chat closed because there was no activity, not that the resident ended it', () => {
    const state = run([
      { type: 'opened', conversation: warned, messages: [message(1)], select: true },
      {
        type: 'message',
        conversationId: quiet.id,
        message: message(12, { sender: 'system', body: inactivityEndedMessage }),
      },
    ]);
    expect(announcementForConversation(state, { ...quiet, status: 'ended' })).toBe(
      'Chat 4K7M-9P2X closed because there was no activity. Write a summary to close it.',
    );
  });
});
