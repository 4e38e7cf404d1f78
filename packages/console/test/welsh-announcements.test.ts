import { describe, expect, it } from 'vitest';
import { AgentStatusStore } from '../src/realtime/agent-status.ts';
import { announcementsCy } from '../src/realtime/announcements-cy.ts';
import { announcementsEn } from '../src/realtime/announcements-en.ts';
import {
  announcementForConversation,
  announcementForQueue,
  initialWorkspaceState,
  workspaceReducer,
} from '../src/realtime/workspace-state.ts';
import { conversation, message, queueItem } from './helpers.ts';

/** What a screen reader user hears in a Welsh console (ADR 51): Ward's own words in Welsh. */
describe('announcements in a Welsh console', () => {
  it('says a new chat is waiting, and how many, in Welsh', () => {
    const state = workspaceReducer(initialWorkspaceState, { type: 'queue', waiting: [queueItem(1)] });
    expect(
      announcementForQueue(state, [queueItem(1), queueItem(2, { caseReference: '1234-5678' })], announcementsCy),
    ).toBe('Sgwrs newydd yn aros: Council tax, cyfeirnod achos 1234-5678');
    expect(announcementForQueue(state, [queueItem(2), queueItem(3)], announcementsCy)).toBe('2 sgwrs newydd yn aros');
  });

  it('says the resident ended the chat in Welsh', () => {
    const open = conversation(1, { status: 'active' });
    const state = workspaceReducer(initialWorkspaceState, {
      type: 'opened',
      conversation: open,
      messages: [message(1)],
      select: true,
    });
    const ended = { ...open, status: 'ended' as const };
    expect(announcementForConversation(state, ended, announcementsCy)).toBe(
      `Mae ${open.visitorName} wedi dod â sgwrs ${open.caseReference} i ben. Ysgrifennwch grynodeb i’w chau.`,
    );
  });

  it('says a change of the adviser’s status in the language of the moment', () => {
    const heard: string[] = [];
    let says: typeof announcementsEn = announcementsCy;
    const store = new AgentStatusStore({
      choose: async () => null,
      activity: () => {},
      announce: (text) => heard.push(text),
      says: () => says,
    });
    store.receive({ status: 'available', reason: 'chosen' });
    store.receive({ status: 'away', reason: 'idle' });
    // They switch back to English: what is said next is in English.
    says = announcementsEn;
    store.receive({ status: 'busy', reason: 'chosen' });
    expect(heard).toEqual([
      'Eich statws nawr yw Ar gael',
      'Eich statws nawr yw I ffwrdd, ar ôl cyfnod heb weithgarwch. Dewiswch Ar gael i gael sgyrsiau.',
      'Your status is now Busy',
    ]);
  });
});
