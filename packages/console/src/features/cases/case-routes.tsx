import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import type { PageDuty } from '../../session/roles.ts';
import { lazyPage } from '../../ui/lazy-page.ts';

const ApiKeysPage = lazyPage(() => import('../api-keys/ApiKeysPage.tsx').then((m) => m.ApiKeysPage));
const LogContactPage = lazyPage(() => import('../contacts/LogContactPage.tsx').then((m) => m.LogContactPage));
const SocialTransferPage = lazyPage(() =>
  import('../contacts/SocialTransferPage.tsx').then((m) => m.SocialTransferPage),
);
const CasePage = lazyPage(() => import('./CasePage.tsx').then((m) => m.CasePage));
const CasesPage = lazyPage(() => import('./CasesPage.tsx').then((m) => m.CasesPage));

/** The cases, logged-contact and API-key pages, for app.tsx's signed-in routes. */
export const caseRoutes: [string, { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty }][] = [
  [paths.cases, { render: () => <CasesPage /> }],
  [paths.case, { render: (p) => <CasePage key={p.caseReference} caseReference={p.caseReference ?? ''} /> }],
  [paths.logContact, { render: () => <LogContactPage /> }],
  [paths.socialMediaTransfer, { render: () => <SocialTransferPage /> }],
  [paths.apiKeys, { render: () => <ApiKeysPage />, duty: 'admin' }],
];
