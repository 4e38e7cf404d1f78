import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import type { PageDuty } from '../../session/roles.ts';
import { lazyPage } from '../../ui/lazy-page.ts';

const LogRightsRequestPage = lazyPage(() => import('./LogRightsRequestPage.tsx').then((m) => m.LogRightsRequestPage));
const RightsRequestPage = lazyPage(() => import('./RightsRequestPage.tsx').then((m) => m.RightsRequestPage));
const RightsRequestsPage = lazyPage(() => import('./RightsRequestsPage.tsx').then((m) => m.RightsRequestsPage));

/** The residents' rights request pages (privacy work), for app.tsx's signed-in routes. */
export const rightsRoutes: [string, { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty }][] = [
  [paths.rightsRequests, { render: () => <RightsRequestsPage />, duty: 'privacy' }],
  [paths.logRightsRequest, { render: () => <LogRightsRequestPage />, duty: 'privacy' }],
  [
    paths.rightsRequest,
    { render: (p) => <RightsRequestPage key={p.requestId} requestId={p.requestId ?? ''} />, duty: 'privacy' },
  ],
];
