import type { Language, Message } from '@ward/protocol';
import { fill, localeOf, textsIn } from '../../shared/resident-texts/resident-texts.ts';

const dayFormats = new Map<Language, Intl.DateTimeFormat>();
const londonDay = (language: Language) => {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      timeZone: 'Europe/London',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    dayFormats.set(language, format);
  }
  return format;
};
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Friday 4 December 2026" / "Dydd Gwener 4 Rhagfyr 2026" in the council's time (GOV.UK style: no comma). */
function dayOf(at: Date, language: Language): string {
  const parts = Object.fromEntries(
    londonDay(language)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "2:05pm" (Welsh "2:05yp") in the council's time, as the chat window shows it (GOV.UK style). */
export function transcriptTime(at: Date, language: Language = 'en'): string {
  const says = textsIn(language).transcriptEmail;
  const parts = Object.fromEntries(londonClock.formatToParts(at).map((p) => [p.type, p.value]));
  const hours = Number(parts.hour);
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${parts.minute}${hours < 12 ? says.am : says.pm}`;
}

/** Who a message is from, as the chat window labels it. */
const senderOf = (m: Pick<Message, 'sender' | 'senderName'>, language: Language) => {
  const says = textsIn(language).transcriptEmail;
  return m.sender === 'visitor' ? says.you : m.sender === 'agent' ? (m.senderName ?? says.adviser) : says.update;
};

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
  /** The council's own pre-chat questions and the resident's answers (ADR 38). */
  answers?: ReadonlyArray<{ label: string; value: string }>;
  messages: readonly Message[];
  /** The chat's language (ADR 50): the email's words, days and times. */
  language?: Language;
}): { subject: string; text: string } {
  const language = input.language ?? 'en';
  const says = textsIn(language).transcriptEmail;
  const lines: string[] = [];
  let day = '';
  for (const m of input.messages) {
    const at = new Date(m.sentAt);
    const thisDay = dayOf(at, language);
    if (thisDay !== day) {
      if (day) lines.push('');
      lines.push(thisDay);
      day = thisDay;
    }
    lines.push(`${transcriptTime(at, language)} ${senderOf(m, language)}: ${m.body}`);
  }
  const values = {
    council: input.organisationName,
    reference: input.caseReference,
    name: input.visitorName,
    topic: input.topicLabel,
    day: dayOf(input.startedAt, language),
    time: transcriptTime(input.startedAt, language),
  };
  return {
    subject: fill(says.subject, values),
    text: [
      fill(says.hello, values),
      '',
      fill(says.intro, values),
      fill(says.reference, values),
      '',
      ...(input.answers?.length ? [says.preChat, ...input.answers.map((a) => `${a.label}: ${a.value}`), ''] : []),
      ...lines,
      '',
      says.sentBecause,
    ].join('\n'),
  };
}
