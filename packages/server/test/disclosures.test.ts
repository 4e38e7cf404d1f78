import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseDetail,
  CustomerRecordView,
  DisclosureList,
  IntakeResponse,
  RecordOfProcessing,
} from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { dumpDatabase } from './support/dump-database.ts';

type Staff = { cookie: string; id: string };
type Answer<T> = T & { error?: { code: string; message: string } };

describe('disclosures to third parties (ADR 30)', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let agent: Staff;
  let housingOnly: Staff;
  let privacy: Staff;

  const logPhoneCall = async () => {
    const response = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: agent.cookie },
      { channel: 'phone', summary: 'Reported a neighbour dispute', departmentId: 'waste', name: 'Bob Resident' },
    );
    expect(response.status).toBe(201);
    return response.body;
  };
  const disclose = (caseId: string, body: Record<string, unknown>, who: Staff = agent) =>
    api.call<Answer<{ case: CaseDetail }>>('POST', `/api/cases/${caseId}/disclosures`, { cookie: who.cookie }, body);
  const police = {
    recipientOrganisation: 'Northshire Police',
    recipientContact: 'PC Dana Whitlock qzxvwy',
    lawfulBasis: 'legal-obligation',
    whatShared: 'Name and address of the resident qzxvwy',
    why: 'Request under the Crime and Disorder Act qzxvwy',
    disclosedOn: '2026-03-02',
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
    agent = await api.staff('agent', ['waste'], { firstName: 'Priya', lastName: 'Shah' });
    housingOnly = await api.staff('agent', ['housing']);
    privacy = await api.staff('privacy_officer');
  });
  afterAll(async () => t?.close());

  it('records a disclosure on a case, shows it in the case, and keeps its texts sealed', async () => {
    const { caseId } = await logPhoneCall();
    const recorded = await disclose(caseId, police);
    expect(recorded.status).toBe(201);
    expect(recorded.body.case.disclosures).toEqual([
      expect.objectContaining({
        recipientOrganisation: 'Northshire Police',
        recipientContact: 'PC Dana Whitlock qzxvwy',
        lawfulBasis: 'legal-obligation',
        whatShared: 'Name and address of the resident qzxvwy',
        why: 'Request under the Crime and Disorder Act qzxvwy',
        disclosedOn: '2026-03-02',
        recordedBy: { id: agent.id, name: 'Priya Shah' },
      }),
    ]);
    const read = await api.call<{ case: CaseDetail }>('GET', `/api/cases/${caseId}`, { cookie: agent.cookie });
    expect(read.body.case.disclosures.map((d) => d.why)).toEqual(['Request under the Crime and Disorder Act qzxvwy']);

    // The contact and texts are ciphertext in the database; the recipient organisation is not.
    const { text } = await dumpDatabase(t.databaseUrl);
    expect(text).not.toContain('Dana Whitlock');
    expect(text).not.toContain('Crime and Disorder');
    expect(text).toContain('Northshire Police');
  });

  it('dates a disclosure today unless told, and refuses a date in the future or a missing basis in words', async () => {
    const { caseId } = await logPhoneCall();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const withoutDate = await disclose(caseId, { ...police, disclosedOn: undefined, recipientContact: undefined });
    expect(withoutDate.status).toBe(201);
    expect(withoutDate.body.case.disclosures[0]).toMatchObject({ disclosedOn: today, recipientContact: null });

    const future = await disclose(caseId, { ...police, disclosedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error?.message).toBe('The date of the disclosure must be today or in the past');
    const noBasis = await disclose(caseId, { ...police, lawfulBasis: 'because' });
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.error?.message).toContain('Select the lawful basis for sharing');
    const noWhy = await disclose(caseId, { ...police, why: '  ' });
    expect(noWhy.status).toBe(400);
    expect(noWhy.body.error?.message).toContain('Enter why it was shared');
    const badDate = await disclose(caseId, { ...police, disclosedOn: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error?.message).toContain('Enter the date of the disclosure as a real date');
  });

  it('follows the department rule: staff of another department can neither record nor see one', async () => {
    const { caseId } = await logPhoneCall();
    const refused = await disclose(caseId, police, housingOnly);
    expect([403, 404]).toContain(refused.status);
    expect(JSON.stringify(refused.body)).not.toContain('qzxvwy');
    const count = await t.app.db
      .selectFrom('disclosures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('audits the recording and each read with field names, never values', async () => {
    const { caseId, caseReference } = await logPhoneCall();
    await disclose(caseId, police);
    const entries = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('case_reference', '=', caseReference)
      .where('action', 'in', ['update', 'read'])
      .orderBy('id')
      .execute();
    const disclosureFields = 'disclosures.recipient_contact,disclosures.what_shared,disclosures.why';
    expect(entries.map((e) => [e.action, e.purpose, e.fields.join(','), e.actor_id])).toEqual([
      [
        'update',
        'review-contact',
        'disclosures.recipient_organisation,disclosures.recipient_contact,disclosures.what_shared,disclosures.why',
        agent.id,
      ],
      ['read', 'review-contact', `summary,case_entries.body,${disclosureFields}`, agent.id],
    ]);
    expect(JSON.stringify(entries)).not.toContain('qzxvwy');
  });

  it('lists disclosures between two dates for the privacy officer only', async () => {
    const { caseId, caseReference } = await logPhoneCall();
    await disclose(caseId, { ...police, recipientOrganisation: 'Shelter Housing Trust', disclosedOn: '2025-11-20' });
    const list = (query: string, who: Staff = privacy) =>
      api.call<Answer<DisclosureList>>('GET', `/api/disclosures${query}`, { cookie: who.cookie });

    const november = await list('?from=2025-11-01&to=2025-11-30');
    expect(november.status).toBe(200);
    expect(november.body.disclosures).toEqual([
      expect.objectContaining({
        caseReference,
        recipientOrganisation: 'Shelter Housing Trust',
        whatShared: 'Name and address of the resident qzxvwy',
      }),
    ]);
    expect((await list('?from=2025-12-01&to=2025-12-31')).body.disclosures).toEqual([]);
    const backwards = await list('?from=2025-12-31&to=2025-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.message).toBe('The start date must be the same as or before the end date');
    expect((await list('?from=yesterday')).status).toBe(400);
    expect((await list('', agent)).status).toBe(403);

    const audited = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('case_reference', '=', caseReference)
      .where('actor_id', '=', privacy.id)
      .execute();
    expect(audited).toEqual([{ action: 'read', actor_id: privacy.id }]);
  });

  it('shows a case’s disclosures on the customer record’s timeline', async () => {
    const { caseId, recordId } = await logPhoneCall();
    await disclose(caseId, police);
    const view = await api.call<{ record: CustomerRecordView }>('GET', `/api/records/${recordId}`, {
      cookie: agent.cookie,
    });
    expect(view.status).toBe(200);
    const contact = view.body.record.timeline.find((c) => c.caseId === caseId);
    expect(contact?.disclosures).toEqual([
      expect.objectContaining({
        recipientOrganisation: 'Northshire Police',
        lawfulBasis: 'legal-obligation',
        disclosedOn: '2026-03-02',
      }),
    ]);
  });

  it('lists the disclosure log’s organisations among the recipients of the record of processing', async () => {
    const ropa = await api.call<Answer<RecordOfProcessing>>('GET', '/api/ropa', { cookie: privacy.cookie });
    expect(ropa.status).toBe(200);
    expect(ropa.body.controller.name).toBe('Demo Borough Council');
    expect(ropa.body.recipients.map((r) => [r.name, r.kind])).toEqual([
      ['The council’s own hosting', 'processor'],
      ['Northshire Police', 'disclosure'],
      ['Shelter Housing Trust', 'disclosure'],
    ]);
    expect((await api.call('GET', '/api/ropa', { cookie: agent.cookie })).status).toBe(403);
  });
});
