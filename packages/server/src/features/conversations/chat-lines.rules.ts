import { inactivityEndedMessages, inactivityWarningStarts, type Language } from '@ward/protocol';
import { londonMinutesOf } from '../../shared/london-calendar.rules.ts';

/**
 * The lines Ward itself writes into a chat (an adviser joined, a transfer, the end, the inactivity
 * warning…), in the chat's language (ADR 49): the resident reads them in the widget and in their
 * transcript; the adviser of a Welsh chat reads Welsh. Pure.
 */
export type ChatLines = {
  joined: (name: string) => string;
  colleagueJoined: string;
  ended: string;
  transferredTo: (department: string) => string;
  transferred: string;
  inactivityWarning: (closesAt: Date) => string;
  stayed: string;
  inactivityEnded: string;
  leftWhileWaiting: string;
  waitedTooLong: string;
  residentLeft: string;
  leftMessage: (caseReference: string) => string;
};

/** "10:42am" in English (GOV.UK style), "10:42" in Welsh: London's clock. */
export function londonClock(instant: Date, language: Language = 'en'): string {
  const total = londonMinutesOf(instant);
  const hours = Math.floor(total / 60);
  const minutes = String(total % 60).padStart(2, '0');
  if (language === 'cy') return `${hours}:${minutes}`;
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${minutes}${hours < 12 ? 'am' : 'pm'}`;
}

const en: ChatLines = {
  joined: (name) => `${name} has joined the chat`,
  colleagueJoined: 'A colleague has joined the chat',
  ended: 'The chat has ended',
  transferredTo: (department) => `You are being transferred to ${department}. Please stay in the chat.`,
  transferred: 'You are being transferred to another adviser. Please stay in the chat.',
  inactivityWarning: (closesAt) =>
    `${inactivityWarningStarts.en} ${londonClock(closesAt, 'en')} unless you choose to stay.`,
  stayed: 'The resident chose to stay in the chat.',
  inactivityEnded: inactivityEndedMessages.en,
  leftWhileWaiting:
    'The chat has ended because you left before an adviser was free. Start a new chat if you still need help.',
  waitedTooLong:
    'Sorry, no adviser was free to answer. The chat has ended: start a new chat later, or contact us another way.',
  residentLeft: 'The resident seems to have left the chat (their window was closed).',
  leftMessage: (caseReference) =>
    `A message was left instead, with case reference ${caseReference}. The chat has ended.`,
};

const cy: ChatLines = {
  joined: (name) => `Mae ${name} wedi ymuno â’r sgwrs`,
  colleagueJoined: 'Mae cydweithiwr wedi ymuno â’r sgwrs',
  ended: 'Mae’r sgwrs wedi dod i ben',
  transferredTo: (department) => `Rydych yn cael eich trosglwyddo i ${department}. Arhoswch yn y sgwrs.`,
  transferred: 'Rydych yn cael eich trosglwyddo i gynghorydd arall. Arhoswch yn y sgwrs.',
  inactivityWarning: (closesAt) =>
    `${inactivityWarningStarts.cy} ${londonClock(closesAt, 'cy')} oni bai eich bod yn dewis aros.`,
  stayed: 'Dewisodd y preswylydd aros yn y sgwrs.',
  inactivityEnded: inactivityEndedMessages.cy,
  leftWhileWaiting:
    'Mae’r sgwrs wedi dod i ben am eich bod wedi gadael cyn i gynghorydd fod ar gael. Dechreuwch sgwrs newydd os oes angen help arnoch o hyd.',
  waitedTooLong:
    'Mae’n ddrwg gennym, nid oedd cynghorydd ar gael i ateb. Mae’r sgwrs wedi dod i ben: dechreuwch sgwrs newydd yn nes ymlaen, neu cysylltwch â ni mewn ffordd arall.',
  residentLeft: 'Mae’n ymddangos bod y preswylydd wedi gadael y sgwrs (caewyd ei ffenestr).',
  leftMessage: (caseReference) =>
    `Gadawyd neges yn lle hynny, gyda chyfeirnod achos ${caseReference}. Mae’r sgwrs wedi dod i ben.`,
};

export const chatLinesIn = (language: Language): ChatLines => (language === 'cy' ? cy : en);
