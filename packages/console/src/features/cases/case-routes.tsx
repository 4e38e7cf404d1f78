import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import type { PageDuty } from '../../session/roles.ts';
import { ApiKeysPage } from '../api-keys/ApiKeysPage.tsx';
import { LogContactPage } from '../contacts/LogContactPage.tsx';
import { SocialTransferPage } from '../contacts/SocialTransferPage.tsx';
import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';

/** The cases, logged-contact and API-key pages, for app.tsx's signed-in routes. */
export const caseRoutes: [string, { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty }][] = [
  [paths.cases, { render: () => <CasesPage /> }],
  [paths.case, { render: (p) => <CasePage key={p.caseReference} caseReference={p.caseReference ?? ''} /> }],
  [paths.logContact, { render: () => <LogContactPage /> }],
  [paths.socialMediaTransfer, { render: () => <SocialTransferPage /> }],
  [paths.apiKeys, { render: () => <ApiKeysPage />, duty: 'admin' }],
];
