import { chatNoteMaxChars } from '@ward/protocol';
import type { ChatWorkTexts } from './texts-work-en.ts';

/** Gweithio ar sgwrs yn Gymraeg (ADR 51): nodiadau, sibrydion, trosglwyddo, atebion parod, lleoliad. */
export const chatWorkCy: ChatWorkTexts = {
  // ---- nodiadau a sibrydion ----
  whisperToAdviser: 'Sibrwd wrth y cynghorydd',
  addInternalNote: 'Ychwanegu nodyn mewnol',
  whisper: 'Sibrwd',
  internalNote: 'Nodyn mewnol',
  whisperHint: 'Dim ond y cynghorydd sy’n ymdrin â’r sgwrs sy’n ei weld. Nid yw’n cael ei anfon at y preswylydd.',
  noteHint: 'I staff yn unig. Caiff ei gadw gyda’r sgwrs ac nid yw’n cael ei anfon at y preswylydd.',
  sendWhisper: 'Anfon y sibrwd',
  addNote: 'Ychwanegu’r nodyn',
  whisperSent: 'Mae’r sibrwd wedi’i anfon at y cynghorydd.',
  noteAdded: 'Mae’r nodyn wedi’i ychwanegu. Nid yw’r preswylydd yn ei weld.',
  enterNote: 'Rhowch nodyn',
  noteTooLong: `Rhaid i’r nodyn fod yn ${chatNoteMaxChars} nod neu lai`,
  staffNotes: 'Nodiadau staff',
  staffNotesExplained: 'Nodiadau mewnol, nodiadau trosglwyddo a sibrydion. Nid yw’r preswylydd yn eu gweld.',
  notesNotRead: (problem) => `Nid oedd modd darllen y nodiadau: ${problem}`,
  noStaffNotes: 'Nid oes nodiadau staff.',
  aColleague: 'Cydweithiwr',
  anotherAdviser: 'cynghorydd arall',
  whisperFrom: (author) => `Sibrwd gan ${author} — nid yw wedi’i anfon at y preswylydd`,
  transferredBy: (to, author) => `Wedi’i throsglwyddo i ${to} gan ${author} — nid yw wedi’i anfon at y preswylydd`,
  noteFrom: (author) => `Nodyn mewnol gan ${author} — nid yw wedi’i anfon at y preswylydd`,
  // ---- trosglwyddo ----
  cannotTransfer: (problem) => `Nid oes modd trosglwyddo’r sgwrs nawr: ${problem}`,
  transferThisChat: 'Trosglwyddo’r sgwrs hon',
  transferTo: 'Trosglwyddo i',
  chatIsWith: (department) => `Mae’r sgwrs gyda ${department} nawr. Caiff y preswylydd wybod ac mae’n aros yn y sgwrs.`,
  anotherDepartment: 'Ciw adran arall',
  anAdviser: 'Cynghorydd',
  department: 'Adran',
  selectDepartment: 'Dewiswch adran',
  adviser: 'Cynghorydd',
  selectAdviser: 'Dewiswch gynghorydd',
  noteForNext: 'Nodyn i’r cynghorydd nesaf (dewisol)',
  noteForNextHint: 'I staff yn unig. Nid yw’n cael ei anfon at y preswylydd.',
  transferChat: 'Trosglwyddo’r sgwrs',
  transferred: (reference, where) => `Mae sgwrs ${reference} wedi’i throsglwyddo i ${where}`,
  selectWhere: 'Dewiswch ble i drosglwyddo’r sgwrs',
  // ---- atebion parod ----
  loadingCanned: 'Yn llwytho atebion parod…',
  cannedNotLoaded: (problem) => `Nid oedd modd llwytho’r atebion parod. ${problem}`,
  noCannedMatch: 'Nid oes atebion parod yn cyfateb',
  cannedFound: (count) =>
    `${count} ateb parod ${count === 1 ? 'wedi’i ganfod' : 'wedi’u canfod'}. Defnyddiwch y saethau i fyny ac i lawr, yna Enter i’w fewnosod.`,
  searchCanned: 'Chwilio’r atebion parod',
  escapeBack: 'Pwyswch Escape i fynd yn ôl at eich ateb.',
  cannedReplies: 'Atebion parod',
  // ---- lleoliad ----
  fromInternetAddress: (place) => `${place} (o’r cyfeiriad rhyngrwyd)`,
  unknownPlace: 'Anhysbys',
  opensInNewTab: ' (yn agor mewn tab newydd)',
};
