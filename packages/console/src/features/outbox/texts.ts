import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { outboxCy } from './texts-cy.ts';
import { outboxEn, type OutboxTexts } from './texts-en.ts';

/** Loaded with the Outbox page only. */
export const outboxTexts: Catalogue<OutboxTexts> = { en: outboxEn, cy: outboxCy };

export const useOutboxTexts = () => useTexts(outboxTexts);
