import type { ReactNode } from 'react';
import { paths } from '../../route-match.ts';
import { WebhookPage } from './WebhookPage.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';

/** The webhook pages (administrators only), for app.tsx's signed-in routes. */
export const webhookRoutes: [string, { render: (params: Record<string, string>) => ReactNode; admin?: boolean }][] = [
  [paths.webhooks, { render: () => <WebhooksPage />, admin: true }],
  [paths.webhook, { render: (p) => <WebhookPage key={p.webhookId} webhookId={p.webhookId ?? ''} />, admin: true }],
];
