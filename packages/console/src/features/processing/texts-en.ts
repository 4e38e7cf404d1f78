import type { LawfulBasis } from '@ward/protocol';
import { lawfulBasisLabels } from '@ward/protocol';

/** The disclosure log's and the record of processing's texts (ADR 51); Welsh in texts-cy.ts, same keys. */
export const processingEn = {
  lawfulBases: lawfulBasisLabels satisfies Record<LawfulBasis, string>,
  // ---- the disclosure log ----
  disclosureLog: 'Disclosure log',
  disclosureIntro:
    'Every disclosure of a resident’s information to another organisation, recorded on its case. Reading the log is in the audit trail. Leave a date empty to leave that end open.',
  chooseDates: 'Choose the dates',
  from: 'From',
  fromHint: 'For example, 1 9 2026',
  to: 'To',
  toHint: 'For example, 30 11 2026',
  showDisclosures: 'Show disclosures',
  noDisclosures: 'No disclosures were recorded between those dates.',
  disclosures: (n: number) => `${n} ${n === 1 ? 'disclosure' : 'disclosures'}`,
  disclosuresFound: (n: number) => `${n} ${n === 1 ? 'disclosure' : 'disclosures'} found.`,
  newestFirst: (count: string) => `${count}, newest first`,
  disclosuresRegion: 'Disclosures',
  date: 'Date',
  case: 'Case',
  sharedWith: 'Shared with',
  lawfulBasis: 'Lawful basis',
  whatShared: 'What was shared',
  why: 'Why',
  cleared: 'Deleted at the end of its retention period',
  dateFrom: 'The date from',
  dateTo: 'The date to',
  toNotBeforeFrom: 'The date to must be the same as or after the date from',
  // ---- the record of processing ----
  recordOfProcessing: 'Record of processing',
  ropaIntro:
    'What Ward processes about whom, why, for how long and who receives it, from its settings and the disclosure log as they are now. To keep a copy, run',
  ropaMarkdown: '(Markdown) or',
  onTheServer: 'on the server.',
  loadingRecord: 'Loading the record of processing…',
  controller: 'Controller',
  name: 'Name',
  dataProtectionOfficer: 'Data protection officer',
  notRecorded: 'Not recorded',
  producedOn: 'Produced on',
  dataSubjects: 'Categories of data subjects',
  personalDataKept: 'Personal data and how long it is kept',
  category: 'Category',
  personalData: 'Personal data',
  retention: 'Retention',
  purposesAndBases: 'Purposes and lawful bases',
  purpose: 'Purpose',
  recipients: 'Recipients',
  recipient: 'Recipient',
  kind: 'Kind',
  processor: 'Processor',
  thirdParty: 'Third party',
  detail: 'Detail',
  internationalTransfers: 'International transfers',
  noTransfers: 'None: personal data is not transferred outside the UK.',
  securityMeasures: 'Security measures',
};

export type ProcessingTexts = typeof processingEn;
