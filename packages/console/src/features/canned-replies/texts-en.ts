import { cannedReplyMaxChars, cannedReplyTitleMaxChars } from '@ward/protocol';

/** The Canned replies page's texts (ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const cannedRepliesEn = {
  title: 'Canned replies',
  // The placeholders stay as they are: Ward fills them in, whatever the language.
  explained: (placeholders: string) =>
    `Insert one in a chat: type / in the empty reply box, or press Ctrl and Space, then search. These parts are filled in for you: ${placeholders}.`,
  errorPrefix: 'Error:',
  noneYet: 'There are no canned replies yet.',
  onlyYou: 'Only you',
  delete: 'Delete',
  added: (title: string) => `Canned reply “${title}” added`,
  deleted: (title: string) => `Canned reply “${title}” deleted`,
  addHeading: 'Add a canned reply',
  titleLabel: 'Title',
  textLabel: 'Text',
  textHint: 'Use {resident first name}, {case reference} and {agent first name} where they fit.',
  whoCanUse: 'Who can use it',
  everyoneIn: (department: string) => `Everyone in ${department}`,
  add: 'Add canned reply',
  errors: {
    enterTitle: 'Enter a title',
    titleTooLong: `The title must be ${cannedReplyTitleMaxChars} characters or fewer`,
    enterText: 'Enter the text of the reply',
    textTooLong: `The text must be ${cannedReplyMaxChars} characters or fewer`,
  },
};

export type CannedRepliesTexts = typeof cannedRepliesEn;
