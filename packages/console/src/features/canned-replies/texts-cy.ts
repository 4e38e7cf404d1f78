import { cannedReplyMaxChars, cannedReplyTitleMaxChars } from '@ward/protocol';
import type { CannedRepliesTexts } from './texts-en.ts';

/**
 * Rheoli atebion parod yn Gymraeg (ADR 51). Mae’r dalfannau ({resident first name} ac ati) yn aros
 * fel y maent: Ward sy’n eu llenwi.
 */
export const cannedRepliesCy: CannedRepliesTexts = {
  title: 'Atebion parod',
  explained: (placeholders) =>
    `I fewnosod un mewn sgwrs: teipiwch / yn y blwch ateb gwag, neu pwyswch Ctrl a’r Bylchwr, yna chwiliwch. Caiff y rhannau hyn eu llenwi ar eich cyfer: ${placeholders}.`,
  errorPrefix: 'Gwall:',
  noneYet: 'Nid oes atebion parod eto.',
  onlyYou: 'Chi yn unig',
  delete: 'Dileu',
  added: (title) => `Mae’r ateb parod “${title}” wedi’i ychwanegu`,
  deleted: (title) => `Mae’r ateb parod “${title}” wedi’i ddileu`,
  addHeading: 'Ychwanegu ateb parod',
  titleLabel: 'Teitl',
  textLabel: 'Testun',
  textHint: 'Defnyddiwch {resident first name}, {case reference} a {agent first name} lle maen nhw’n addas.',
  whoCanUse: 'Pwy all ei ddefnyddio',
  everyoneIn: (department) => `Pawb yn ${department}`,
  add: 'Ychwanegu’r ateb parod',
  errors: {
    enterTitle: 'Rhowch deitl',
    titleTooLong: `Rhaid i’r teitl fod yn ${cannedReplyTitleMaxChars} nod neu lai`,
    enterText: 'Rhowch destun yr ateb',
    textTooLong: `Rhaid i’r testun fod yn ${cannedReplyMaxChars} nod neu lai`,
  },
};
