/** The Outbox page's texts (ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const outboxEn = {
  title: 'Outbox',
  explained:
    'When no email server is set up, Ward writes emails to its outbox folder instead of sending them. They are listed here, newest first.',
  loading: 'Loading the outbox…',
  empty: 'The outbox is empty.',
  caption: (count: number) => `Emails in the outbox (${count})`,
  regionLabel: 'Emails in the outbox',
  to: 'To',
  subject: 'Subject',
  showText: 'Show the text',
  ofSubject: (subject: string) => ` of “${subject}”`,
  created: 'Created',
};

export type OutboxTexts = typeof outboxEn;
