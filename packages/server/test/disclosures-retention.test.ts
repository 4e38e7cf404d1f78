import { describe, expect, it } from 'vitest';
import { closedOn31January, justAfter, lastInstantKept, useRetentionApp } from './support/retention-app.ts';

describe('retention of disclosures to third parties (ADR 30)', () => {
  const k = useRetentionApp();

  it('clears a disclosure’s contact and texts with its case, and keeps who, why in law and when', async () => {
    const contact = await k.phoneContact('Asked about a noise complaint qzxvwy');
    const recorded = await k.api.call('POST', `/api/cases/${contact.caseId}/disclosures`, k.agent, {
      recipientOrganisation: 'Northshire Police',
      recipientContact: 'PC Dana Whitlock qzxvwy',
      lawfulBasis: 'legal-obligation',
      whatShared: 'The resident’s address qzxvwy',
      why: 'A police request qzxvwy',
      disclosedOn: '2026-03-02',
    });
    expect(recorded.status).toBe(201);
    await k.close(contact.caseId, closedOn31January);
    const sealed = await k.t.app.db
      .selectFrom('disclosures')
      .select(['recipient_contact', 'what_shared', 'why'])
      .where('case_id', '=', contact.caseId)
      .executeTakeFirstOrThrow();
    const ciphertexts = [k.hex(sealed.recipient_contact), k.hex(sealed.what_shared), k.hex(sealed.why)];
    expect(await k.stillStored(ciphertexts)).toEqual(ciphertexts);

    await k.run(lastInstantKept);
    expect((await k.caseView(contact.caseId)).disclosures[0]?.why).toBe('A police request qzxvwy');

    await k.run(justAfter);
    expect((await k.caseView(contact.caseId)).disclosures).toEqual([
      expect.objectContaining({
        recipientOrganisation: 'Northshire Police',
        lawfulBasis: 'legal-obligation',
        disclosedOn: '2026-03-02',
        recipientContact: null,
        whatShared: null,
        why: null,
      }),
    ]);
    expect(await k.stillStored(ciphertexts)).toEqual([]);
    const audit = await k.retentionAudit(contact.caseId);
    expect(audit.map((e) => e.fields)).toEqual([
      ['summary', 'case_entries.body', 'disclosures.recipient_contact', 'disclosures.what_shared', 'disclosures.why'],
    ]);
  });
});
