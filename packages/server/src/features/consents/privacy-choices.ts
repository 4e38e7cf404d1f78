import { textIn } from '@ward/protocol';
import type { ConsentProof } from '@ward/protocol';
import type { Db } from '../../db/client.ts';
import type { OrganisationSettings } from '../../shared/organisation-settings.ts';
import { toConsentProof } from './consent-proof.rules.ts';
import { privacyChoicesOf, withdrawConsentByLink } from './withdraw-consent.ts';

/** What a resident's consents are called on their page: the opt-in's label, or the purpose's own words. */
export function purposeLabels(settings: OrganisationSettings): Record<string, string> {
  const labels: Record<string, string> = { enquiries: 'Answering your enquiry' };
  for (const p of settings.recordOfProcessing.purposes) if (p.id && p.id !== 'enquiries') labels[p.id] = p.purpose;
  for (const o of settings.optIns) labels[o.id] = textIn(o.label, 'en');
  return labels;
}

/** The resident's consents through their link, or null when the link is unknown or expired. */
export async function readPrivacyChoices(db: Db, token: string): Promise<ConsentProof[] | null> {
  const choices = await privacyChoicesOf(db, token);
  return choices ? choices.consents.map(toConsentProof) : null;
}

export async function withdrawPrivacyChoice(db: Db, token: string, consentId: string): Promise<ConsentProof> {
  return toConsentProof(await withdrawConsentByLink(db, token, consentId));
}
