import type { Message } from '@ward/protocol';

/** A valid message with the given seq (ids derived from seq so copies are identical). */
export function message(seq: number, overrides: Partial<Message> = {}): Message {
  const hex = seq.toString(16).padStart(12, '0');
  return {
    seq,
    clientMessageId: `00000000-0000-4000-8000-${hex}`,
    sender: seq % 2 === 0 ? 'agent' : 'visitor',
    senderName: seq % 2 === 0 ? 'Sam' : null,
    body: `message ${seq}`,
    sentAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    consentEvidence: false,
    ...overrides,
  };
}
