import type { Message } from '@ward/protocol';

const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Friday 4 December 2026" in the council's time (GOV.UK style: no comma). */
function dayOf(at: Date): string {
  const parts = Object.fromEntries(londonDay.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "2:05pm" in the council's time, as the chat window shows it (GOV.UK style). */
export function transcriptTime(at: Date): string {
  const parts = Object.fromEntries(londonClock.formatToParts(at).map((p) => [p.type, p.value]));
  const hours = Number(parts.hour);
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${parts.minute}${hours < 12 ? 'am' : 'pm'}`;
}

/** Who a message is from, as the chat window labels it. */
const senderOf = (m: Pick<Message, 'sender' | 'senderName'>) =>
  m.sender === 'visitor' ? 'You' : m.sender === 'agent' ? (m.senderName ?? 'Adviser') : 'Update';

/**
 * The plain-text transcript a resident receives by email: each day as a heading, then each
 * message with its time and sender as the chat window showed them ("2:05pm You: …").
 */
export function renderTranscript(input: {
  organisationName: string;
  caseReference: string;
  topicLabel: string;
  visitorName: string;
  startedAt: Date;
  messages: readonly Message[];
}): { subject: string; text: string } {
  const lines: string[] = [];
  let day = '';
  for (const m of input.messages) {
    const at = new Date(m.sentAt);
    const thisDay = dayOf(at);
    if (thisDay !== day) {
      if (day) lines.push('');
      lines.push(thisDay);
      day = thisDay;
    }
    lines.push(`${transcriptTime(at)} ${senderOf(m)}: ${m.body}`);
  }
  return {
    subject: `Your chat with ${input.organisationName} – case reference ${input.caseReference}`,
    text: [
      `Hello ${input.visitorName},`,
      '',
      `Here is the transcript of your chat with ${input.organisationName} about ${input.topicLabel}, started ${dayOf(input.startedAt)} at ${transcriptTime(input.startedAt)}.`,
      `Your case reference is ${input.caseReference}. Quote it if you contact us again about this.`,
      '',
      ...lines,
      '',
      `This email was sent because you asked for a transcript at the end of the chat.`,
    ].join('\n'),
  };
}
