import { formatTime } from '../ui/format.ts';
import type { AnnouncementTexts } from './announcements-en.ts';

/** Cyhoeddiadau a statws y gweithle sgwrsio yn Gymraeg (ADR 51). */
export const announcementsCy: AnnouncementTexts = {
  time: (iso: string) => formatTime(iso, 'cy'),
  residentSays: (name, body) => `${name}: ${body}`,
  newMessageIn: (reference) => `Neges newydd yn sgwrs ${reference}`,
  closedForInactivity: (reference) =>
    `Mae sgwrs ${reference} wedi cau am nad oedd dim gweithgarwch. Ysgrifennwch grynodeb i’w chau.`,
  residentEnded: (name, reference) =>
    `Mae ${name} wedi dod â sgwrs ${reference} i ben. Ysgrifennwch grynodeb i’w chau.`,
  chatsWaiting: (count) => `${count} sgwrs newydd yn aros`,
  chatWaiting: (topic, reference) => `Sgwrs newydd yn aros: ${topic}, cyfeirnod achos ${reference}`,
  whisperFrom: (author, body) => `Sibrwd gan ${author ?? 'oruchwyliwr'}: ${body}`,
  takenOver: (reference) => `Mae cydweithiwr wedi cymryd sgwrs ${reference} drosodd. Mae wedi gadael eich sgyrsiau.`,
  chatOpened: (topic, reference) => `Sgwrs wedi’i hagor: ${topic}, ${reference}`,
  transferred: (reference) => `Mae sgwrs ${reference} wedi’i throsglwyddo`,
  warningText: (time, name) =>
    `Bydd y sgwrs yn cau am ${time} oni bai bod rhywun yn ysgrifennu neu fod ${name} yn dewis aros.`,
  warned: (reference, name, warning) => `Sgwrs ${reference}: mae ${name} wedi cael rhybudd. ${warning}`,
  choseToStay: (name, reference) => `Mae ${name} wedi dewis aros yn sgwrs ${reference}.`,
  statusLabels: { available: 'Ar gael', busy: 'Prysur', away: 'I ffwrdd', offline: 'All-lein' },
  statusIdle: 'Eich statws nawr yw I ffwrdd, ar ôl cyfnod heb weithgarwch. Dewiswch Ar gael i gael sgyrsiau.',
  statusNow: (label) => `Eich statws nawr yw ${label}`,
  redacted: {
    'card-number': 'manylion cerdyn',
    'bank-details': 'manylion banc',
    'national-insurance-number': 'rhif Yswiriant Gwladol',
  },
  list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} a ${items.at(-1)}`),
  redactedHeading: (list) => `Mae Ward wedi tynnu ${list} o’ch neges.`,
  redactedAdvice:
    'Mae’r preswylydd yn gweld marciwr yn ei le. Peidiwch â gofyn am fanylion cerdyn, manylion banc na rhifau Yswiriant Gwladol, na’u hailadrodd, mewn sgwrs.',
  sendFailed: 'Ni anfonwyd eich neges.',
  alerts: { 'new-chat': 'Sgwrs newydd yn aros', 'new-message': 'Neges newydd mewn sgwrs' },
  unread: (count) => (count === 1 ? '1 neges heb ei darllen' : `${count} neges heb eu darllen`),
};
