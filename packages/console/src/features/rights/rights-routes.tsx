import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import type { PageDuty } from '../../session/roles.ts';
import { LogRightsRequestPage } from './LogRightsRequestPage.tsx';
import { RightsRequestPage } from './RightsRequestPage.tsx';
import { RightsRequestsPage } from './RightsRequestsPage.tsx';

/** The residents' rights request pages (privacy work), for app.tsx's signed-in routes. */
export const rightsRoutes: [string, { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty }][] = [
  [paths.rightsRequests, { render: () => <RightsRequestsPage />, duty: 'privacy' }],
  [paths.logRightsRequest, { render: () => <LogRightsRequestPage />, duty: 'privacy' }],
  [
    paths.rightsRequest,
    { render: (p) => <RightsRequestPage key={p.requestId} requestId={p.requestId ?? ''} />, duty: 'privacy' },
  ],
];
