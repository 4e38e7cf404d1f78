import type { ConversationStatus, Language } from '@ward/protocol';

/**
 * The texts of the parts every area shares (date inputs, confirmations, corrections, one-time
 * secrets, status tags, date checks), ADR 51; Welsh in texts-cy.ts, with the same keys.
 */
export const uiEn = {
  dateParts: { day: 'Day', month: 'Month', year: 'Year' },
  cancel: 'Cancel',
  warning: 'Warning',
  correctionAskedFor: 'The resident asked for this correction (a rights request)',
  saveCorrection: 'Save the correction',
  secretShownOnce: 'You will not be able to see it again.',
  selectAndCopy: 'Select it and copy it, or use the button.',
  copySecret: (noun: string) => `Copy ${noun}`,
  copied: 'Copied to the clipboard.',
  notCopied: (noun: string) =>
    `The ${noun.replace(/^API /, '')} could not be copied automatically: select it and copy it.`,
  statuses: { waiting: 'Waiting', active: 'Active', ended: 'Ended' } satisfies Record<ConversationStatus, string>,
  /** The language a resident chats in (ADR 49), by name. */
  languageNames: { en: 'English', cy: 'Welsh' } satisfies Record<Language, string>,
  /** GOV.UK date checks, worded with the field's label ("The end date"). */
  dates: {
    missingParts: { day: 'day', month: 'month', year: 'year' },
    and: ' and ',
    mustInclude: (label: string, parts: string) => `${label} must include a ${parts}`,
    mustBeReal: (label: string) => `${label} must be a real date`,
    yearFourNumbers: 'Year must include 4 numbers',
  },
};

export type UiTexts = typeof uiEn;
export type DateCheckTexts = UiTexts['dates'];
