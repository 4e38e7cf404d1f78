import type { ApiKeyScope } from '@ward/protocol';

/** The API keys page's texts (ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const apiKeysEn = {
  title: 'API keys',
  explained:
    'Other council systems use an API key to send contacts into Ward, for example requests received on social media. Give each system its own key, and revoke a key as soon as it is no longer needed.',
  keys: 'Keys',
  loading: 'Loading API keys…',
  revokedAnnouncement: (name: string) => `The key “${name}” has been revoked`,
  noneYet: 'There are no API keys yet.',
  name: 'Name',
  can: 'Can',
  startsWith: 'Starts with',
  created: 'Created',
  lastUsed: 'Last used',
  notYet: 'Not yet',
  status: 'Status',
  revokedOn: (date: string) => `Revoked ${date}`,
  expiredOn: (date: string) => `Expired ${date}`,
  active: 'Active',
  until: (date: string) => `Until ${date}`,
  untilRevoked: 'Until revoked',
  actions: 'Actions',
  revoke: 'Revoke',
  theKey: (name: string) => ` the key “${name}”`,
  confirmRevoke: (name: string) => `Are you sure you want to revoke the key “${name}”?`,
  yesRevoke: 'Yes, revoke key',
  revokeExplained:
    'The system using it can no longer call Ward. This cannot be undone: to let it back in, create a new key.',
  caption: (count: number) => `API keys (${count}), newest first`,
  regionLabel: 'API keys',
  // ---- creating one ----
  createHeading: 'Create an API key',
  nameHint: 'Say which system will use it, for example “Social media inbox”.',
  whatMayItDo: 'What may the key do?',
  selectAll: 'Select all that apply.',
  howLong: 'How long should the key work?',
  howLongHint: 'When it ends, the system using it is refused until you create a new key for it.',
  create: 'Create API key',
  // ---- the new token ----
  createdHeading: (name: string) => `API key “${name}” created`,
  copyNow: 'Copy the key now and give it to the system that will use it.',
  theApiKey: 'The API key',
  noun: 'API key',
  scopes: {
    intake: {
      label: 'Intake',
      hint: 'Transfer requests received on social media into Ward (POST /api/intake/social-media).',
    },
    'cases:read': {
      label: 'Read case status',
      hint: 'Read where a case stands by its reference, without personal data (GET /api/integrations/cases/:reference).',
    },
    reports: {
      label: 'Read reports',
      hint: 'Read the reports’ figures and tables, without personal data (GET /api/reports/…).',
    },
  } satisfies Record<ApiKeyScope, { label: string; hint: string }>,
  lifetimes: {
    '30': '30 days',
    '90': '90 days',
    '365': '1 year',
    never: 'Until it is revoked',
  },
  errors: {
    enterName: 'Enter a name for the key',
    nameTooLong: 'The name must be 100 characters or fewer',
    selectScope: 'Select what the key may do',
  },
};

export type ApiKeysTexts = typeof apiKeysEn;
