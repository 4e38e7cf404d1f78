import type { CaseWords } from './texts-words-en.ts';
import { wordsCy } from '../../i18n/words-cy.ts';

/** Sianeli, statws a hanes achos yn Gymraeg (ADR 51), i dudalennau’r achosion ac i’r gweithle sgwrsio. */
export const caseWordsCy: CaseWords = {
  channels: wordsCy.channels,
  formerlyTwitter: 'X (Twitter gynt)',
  anotherPlatform: 'Platfform arall',
  statuses: wordsCy.caseStatuses,
  unknownStatus: 'anhysbys',
  // ---- hanes yr achos ----
  noteAdded: 'Nodyn wedi’i ychwanegu',
  requestReceived: 'Cais wedi dod i law',
  statusSetTo: (to) => `Statws wedi’i osod: ‘${to}’`,
  reopenedAs: (to) => `Ailagorwyd: statws wedi newid o ‘wedi cau’ i ‘${to}’`,
  statusChanged: (from, to) => `Statws wedi newid o ‘${from}’ i ‘${to}’`,
  formerStaff: 'aelod blaenorol o staff',
  noLongerOwner: (from) => `Nid ${from} yw’r perchennog bellach`,
  ownerRemoved: 'Perchennog wedi’i dynnu',
  ownerChanged: (from, to) => `Perchennog wedi newid o ${from} i ${to}`,
  givenTo: (to) => `Wedi’i roi i ${to}`,
  anotherDepartment: 'adran arall',
  transferred: (from, to) => `Wedi’i drosglwyddo o ${from} i ${to}`,
  relatedCaseChanged: 'Achos cysylltiedig wedi newid',
  linkedTo: (reference) => `Wedi’i gysylltu ag achos ${reference}`,
  unlinkedFrom: (reference) => `Wedi’i ddatgysylltu oddi wrth achos ${reference}`,
  recordChanged: 'Cofnod cwsmer wedi newid',
  lawfulBases: wordsCy.lawfulBases,
  sharedWith: (organisation, date, basis) => `Wedi’i rannu gyda ${organisation} ar ${date} (${basis})`,
  // ---- negeseuon e-bost ----
  bytes: (count) => `${count} beit`,
  refusedReasons: {
    'type-not-allowed': 'nid yw’r math hwn o ffeil yn cael ei dderbyn',
    'content-does-not-match-name': 'nid yw ei chynnwys yn cyfateb i’w henw',
    'too-large': 'mae’n rhy fawr',
    'too-many': 'roedd gormod o atodiadau gyda’r e-bost',
  },
  emailStatuses: { received: 'Wedi dod i law', queued: 'Yn anfon', sent: 'Wedi’i anfon' },
  // ---- yr achosion a ddyfynnodd y preswylydd mewn sgwrs ----
  quotedHeading: 'Achosion a ddyfynnwyd gan y preswylydd',
  quotedNotFound: (problem) => `Nid oedd modd dod o hyd i’r achosion a ddyfynnwyd gan y preswylydd: ${problem}`,
  quotedFound: (reference, topic, channel, status) =>
    `Wedi dod o hyd i achos ${reference}: ${topic}, ${channel}, ${status}`,
  quotedManyFound: (count) => `Wedi dod o hyd i ${count} achos a ddyfynnwyd gan y preswylydd`,
  onlyDepartmentSees: (department) => `Dim ond staff ${department} sy’n gallu gweld ei fanylion.`,
};
