import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { webhooksCy } from './texts-cy.ts';
import { webhooksEn, type WebhooksTexts } from './texts-en.ts';

/** Loaded with the webhook pages only. */
export const webhooksTexts: Catalogue<WebhooksTexts> = { en: webhooksEn, cy: webhooksCy };

export const useWebhooksTexts = () => useTexts(webhooksTexts);
