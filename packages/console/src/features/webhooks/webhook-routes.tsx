import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import { WebhookPage } from './WebhookPage.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';
import type { PageDuty } from '../../session/roles.ts';

/** The webhook pages (administrators only), for app.tsx's signed-in routes. */
export const webhookRoutes: [string, { render: (params: Record<string, string>) => ReactNode; duty?: PageDuty }][] = [
  [paths.webhooks, { render: () => <WebhooksPage />, duty: 'admin' }],
  [paths.webhook, { render: (p) => <WebhookPage key={p.webhookId} webhookId={p.webhookId ?? ''} />, duty: 'admin' }],
];
