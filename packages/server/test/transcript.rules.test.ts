import { describe, expect, it } from 'vitest';
import type { Message } from '@ward/protocol';
import { renderTranscript, transcriptTime } from '../src/features/transcripts/transcript.rules.ts';

const message = (seq: number, sentAt: string, sender: Message['sender'], body: string): Message =>
  ({ seq, sentAt, sender, senderName: sender === 'agent' ? 'Sam' : null, body }) as Message;

describe('the emailed transcript', () => {
  it('gives times as the chat window does, in the council’s time (summer and winter)', () => {
    expect(transcriptTime(new Date('2026-12-04T14:05:00Z'))).toBe('2:05pm');
    expect(transcriptTime(new Date('2026-07-01T11:30:00Z'))).toBe('12:30pm');
    expect(transcriptTime(new Date('2026-07-01T23:15:00Z'))).toBe('12:15am');
    expect(transcriptTime(new Date('2026-01-05T09:00:00Z'))).toBe('9:00am');
  });

  it('heads each day once and labels senders as the widget does', () => {
    const { text } = renderTranscript({
      organisationName: 'Demo Council',
      caseReference: '4K7M-9P2X',
      topicLabel: 'Bins',
      visitorName: 'Ann',
      startedAt: new Date('2026-12-04T23:50:00Z'),
      messages: [
        message(1, '2026-12-04T23:50:00Z', 'visitor', 'Hello'),
        message(2, '2026-12-04T23:55:00Z', 'system', 'Sam joined the chat'),
        message(3, '2026-12-05T00:01:00Z', 'agent', 'How can I help?'),
      ],
    });
    expect(text).toContain('started Friday 4 December 2026 at 11:50pm.');
    expect(text).toContain(
      [
        'Friday 4 December 2026',
        '11:50pm You: Hello',
        '11:55pm Update: Sam joined the chat',
        '',
        'Saturday 5 December 2026',
        '12:01am Sam: How can I help?',
      ].join('\n'),
    );
  });

  it('repeats the answers to the council’s own questions before the messages, and says nothing when there were none', () => {
    const input = {
      organisationName: 'Demo Council',
      caseReference: '4K7M-9P2X',
      topicLabel: 'Council Tax',
      visitorName: 'Ann',
      startedAt: new Date('2026-12-04T10:00:00Z'),
      messages: [message(1, '2026-12-04T10:00:00Z', 'visitor', 'Hello')],
    };
    const { text } = renderTranscript({
      ...input,
      answers: [
        { label: 'Council Tax account number', value: '12345678' },
        { label: 'Are you a landlord?', value: 'No' },
      ],
    });
    expect(text).toContain(
      [
        'What you told us before the chat',
        'Council Tax account number: 12345678',
        'Are you a landlord?: No',
        '',
        'Friday 4 December 2026',
        '10:00am You: Hello',
      ].join('\n'),
    );
    expect(renderTranscript(input).text).not.toContain('What you told us');
  });
});
