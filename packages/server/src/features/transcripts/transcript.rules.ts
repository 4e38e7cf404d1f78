import type { Message } from '@ward/protocol';

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The plain-text transcript a resident receives by email. */
export function renderTranscript(input: {
  organisationName: string;
  caseReference: string;
  topicLabel: string;
  visitorName: string;
  startedAt: Date;
  messages: readonly Message[];
}): { subject: string; text: string } {
  const lines = input.messages.map((m) => {
    const who = m.sender === 'visitor' ? 'You' : m.sender === 'agent' ? (m.senderName ?? 'Adviser') : '—';
    return `[${londonTime.format(new Date(m.sentAt))}] ${who}: ${m.body}`;
  });
  return {
    subject: `Your chat with ${input.organisationName} – case reference ${input.caseReference}`,
    text: [
      `Hello ${input.visitorName},`,
      '',
      `Here is the transcript of your chat with ${input.organisationName} about ${input.topicLabel}, started ${londonTime.format(input.startedAt)}.`,
      `Your case reference is ${input.caseReference}. Quote it if you contact us again about this.`,
      '',
      ...lines,
      '',
      `This email was sent because you asked for a transcript at the end of the chat.`,
    ].join('\n'),
  };
}
