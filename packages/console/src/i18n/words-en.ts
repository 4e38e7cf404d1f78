import type { CaseChannel, CaseStatus, LawfulBasis, StaffRole } from '@ward/protocol';
import { roleNames } from '../session/roles.ts';

/**
 * Words many areas use (ADR 51): how a case came in, where it stands, a lawful basis, a role. Each
 * area's catalogue points at these rather than saying them again, so every page names them alike.
 * Welsh in words-cy.ts, with the same keys. Plain values, not imported from `@ward/protocol`: a value
 * from there brings its schemas into the first page's scripts.
 */
export const wordsEn = {
  channels: {
    chat: 'Web chat',
    email: 'Email',
    form: 'Online form',
    phone: 'Telephone',
    'face-to-face': 'Face to face',
    'social-media': 'Social media',
  } satisfies Record<CaseChannel, string>,
  caseStatuses: {
    open: 'Open',
    'awaiting-resident': 'Awaiting resident',
    'awaiting-council': 'Awaiting council',
    closed: 'Closed',
  } satisfies Record<CaseStatus, string>,
  lawfulBases: {
    'public-task': 'Public task',
    'legitimate-interests': 'Legitimate interests',
    consent: 'Consent',
    'legal-obligation': 'Legal obligation',
    contract: 'Contract',
    'vital-interests': 'Vital interests',
  } satisfies Record<LawfulBasis, string>,
  roles: roleNames satisfies Record<StaffRole, string>,
};
export type Words = typeof wordsEn;
