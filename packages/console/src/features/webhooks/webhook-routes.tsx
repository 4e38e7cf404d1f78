import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import type { PageDuty } from '../../session/roles.ts';
import { lazyPage } from '../../ui/lazy-page.ts';

const WebhookPage = lazyPage(() => import('./WebhookPage.tsx').then((m) => m.WebhookPage));
const WebhooksPage = lazyPage(() => import('./WebhooksPage.tsx').then((m) => m.WebhooksPage));

/** The webhook pages (administrators only), for app.tsx's signed-in routes. */
export const webhookRoutes: [string, { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty }][] = [
  [paths.webhooks, { render: () => <WebhooksPage />, duty: 'admin' }],
  [paths.webhook, { render: (p) => <WebhookPage key={p.webhookId} webhookId={p.webhookId ?? ''} />, duty: 'admin' }],
];
