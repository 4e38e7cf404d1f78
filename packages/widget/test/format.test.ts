import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../src/app/i18n.ts';
import {
  announcementFor,
  availabilityText,
  characterCount,
  formatTime,
  senderLabel,
  typingAnnouncement,
  typingText,
} from '../src/app/format.ts';

// The widget's texts in English, as a resident on an English page reads them.
beforeAll(() => chooseLanguage('en'));

describe('formatTime', () => {
  it('uses GOV.UK style times', () => {
    expect(formatTime(new Date(2025, 0, 1, 14, 5).toISOString())).toBe('2:05pm');
    expect(formatTime(new Date(2025, 0, 1, 0, 30).toISOString())).toBe('12:30am');
    expect(formatTime(new Date(2025, 0, 1, 12, 0).toISOString())).toBe('12:00pm');
    expect(formatTime('nonsense')).toBe('');
  });
});

describe('copy', () => {
  it('names senders', () => {
    expect(senderLabel({ sender: 'visitor', senderName: null })).toBe('You');
    expect(senderLabel({ sender: 'agent', senderName: 'Sam' })).toBe('Sam');
    expect(senderLabel({ sender: 'agent', senderName: null })).toBe('Adviser');
  });

  it('announces council messages only', () => {
    expect(announcementFor({ sender: 'agent', senderName: 'Sam', body: 'Hello' })).toBe('Sam says: Hello');
    expect(announcementFor({ sender: 'system', senderName: null, body: 'Sam has joined the chat' })).toBe(
      'Sam has joined the chat',
    );
    expect(announcementFor({ sender: 'visitor', senderName: null, body: 'Hi' })).toBeNull();
  });

  it('leaves the warning that the chat will close to its own notice, which says it at once', () => {
    const warning = 'This chat will close at 10:42am unless you choose to stay.';
    expect(announcementFor({ sender: 'system', senderName: null, body: warning })).toBeNull();
    expect(
      announcementFor({ sender: 'system', senderName: null, body: 'The resident chose to stay in the chat.' }),
    ).toBe('The resident chose to stay in the chat.');
  });

  it('says who is typing', () => {
    expect(typingText('Sam')).toBe('Sam is typing…');
    expect(typingText(null)).toBe('The adviser is typing…');
    // Worded differently so the screen reader's copy is not the visible text twice.
    expect(typingAnnouncement('Sam')).toBe('Sam is typing a message');
  });
});

describe('characterCount', () => {
  it('shows the count from 75% of the limit, like GOV.UK', () => {
    expect(characterCount(10, 100)).toEqual({ text: 'You have 90 characters remaining', over: false, visible: false });
    expect(characterCount(75, 100).visible).toBe(true);
    expect(characterCount(99, 100).text).toBe('You have 1 character remaining');
    expect(characterCount(4003, 4000)).toEqual({ text: 'You have 3 characters too many', over: true, visible: true });
    expect(characterCount(0, 4000).text).toBe('You have 4,000 characters remaining');
  });
});

describe('when a topic’s advisers are back', () => {
  const now = new Date('2026-12-08T18:00:00Z');
  it('says nothing while they are answering, the day and time they are back, or that nobody is', () => {
    expect(availabilityText({ open: true, opensAt: null, staffed: true }, now)).toBeNull();
    expect(availabilityText({ open: false, opensAt: '2026-12-09T09:00:00Z', staffed: false }, now)).toBe(
      `Advisers are not available now. They are back ${new Date('2026-12-09T09:00:00Z').toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })} at ${formatTime('2026-12-09T09:00:00Z')}`,
    );
    expect(availabilityText({ open: false, opensAt: '2026-12-08T19:00:00Z', staffed: false }, now)).toMatch(
      /They are back today at /,
    );
    expect(availabilityText({ open: false, opensAt: null, staffed: false }, now)).toBe(
      'No advisers are available for this at the moment',
    );
  });

  it('says plainly when the department is open but nobody is free, and that the resident may still wait', () => {
    expect(availabilityText({ open: true, opensAt: null, staffed: false }, now)).toBe(
      'No advisers are free for this just now. You can still start a chat and wait, or leave a message',
    );
    // Someone online after hours does not make a closed department look open.
    expect(availabilityText({ open: false, opensAt: '2026-12-09T09:00:00Z', staffed: true }, now)).toMatch(
      /^Advisers are not available now. They are back /,
    );
  });
});
