import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { auditCy } from './texts-cy.ts';
import { auditEn, type AuditTexts } from './texts-en.ts';

/** Loaded with the audit trail page only. */
export const auditTexts: Catalogue<AuditTexts> = { en: auditEn, cy: auditCy };

export const useAuditTexts = () => useTexts(auditTexts);
