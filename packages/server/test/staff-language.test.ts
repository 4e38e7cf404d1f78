import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentStaffResponse, ErrorBody, StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';

/** Each member of staff chooses their console's language (issue 13, ADR 51). */
describe('the language of a member of staff’s console', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  beforeAll(async () => {
    t = await startTestApp();
    api = caseClient(t);
  });
  afterAll(async () => t?.close());

  const me = async (cookie: string) =>
    (await api.call<CurrentStaffResponse>('GET', '/api/auth/me', { cookie })).body.staff;
  const choose = (cookie: string, body: unknown) =>
    api.call<{ staff: StaffMember } & ErrorBody>('PUT', '/api/auth/language', { cookie }, body);

  it('is English until they choose Cymraeg, which they keep when they sign in again', async () => {
    const agent = await api.staff('agent');
    expect((await me(agent.cookie)).language).toBe('en');

    const chosen = await choose(agent.cookie, { language: 'cy' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.staff).toMatchObject({ id: agent.id, language: 'cy' });
    expect((await me(agent.cookie)).language).toBe('cy');

    const again = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password: 'correct horse battery staple' }),
    });
    expect(((await again.json()) as { staff: StaffMember }).staff.language).toBe('cy');

    expect((await choose(agent.cookie, { language: 'en' })).body.staff.language).toBe('en');
    expect((await me(agent.cookie)).language).toBe('en');
  });

  it('refuses a language Ward does not offer, with a clear message, and changes nothing', async () => {
    const agent = await api.staff('agent');
    await choose(agent.cookie, { language: 'cy' });
    for (const body of [{ language: 'fr' }, { language: 'CY' }, { language: 1 }, { language: null }, {}]) {
      const refused = await choose(agent.cookie, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.message).toContain('Select English or Cymraeg');
    }
    expect((await me(agent.cookie)).language).toBe('cy');
  });

  it('is each person’s own: choosing Cymraeg leaves a colleague’s console in English', async () => {
    const [agent, colleague] = [await api.staff('agent'), await api.staff('agent')];
    await choose(agent.cookie, { language: 'cy' });
    expect((await me(colleague.cookie)).language).toBe('en');
    const unsigned = await api.call('PUT', '/api/auth/language', {}, { language: 'cy' });
    expect(unsigned.status).toBe(401);
  });
});
