import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseChangedPayload, IntakeResponse } from '@ward/protocol';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { freePort } from '../src/shared/free-port.ts';

type Staff = { cookie: string; id: string };

/** Every `case:changed` a socket receives. */
function listen(socket: AgentSocket) {
  const received: CaseChangedPayload[] = [];
  socket.on('case:changed', (payload) => received.push(payload));
  return {
    received,
    /** What it received about one case, from `from` on (an index into `received`). */
    about: (caseId: string, from = 0) => received.slice(from).filter((p) => p.caseId === caseId),
  };
}

/** Waits until the socket has received exactly these payloads about the case since `from`. */
const expectReceived = (socket: ReturnType<typeof listen>, caseId: string, from: number, reasons: string[]) =>
  expect
    .poll(
      () =>
        socket
          .about(caseId, from)
          .map((p) => p.reason)
          .sort(),
      { timeout: 5000 },
    )
    .toEqual([...reasons].sort());

// A broadcast reaches every room's sockets at about the same time: once one has it, a short wait
// is enough to be sure another did not get it.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('realtime case updates for staff (case:changed)', () => {
  let t: TestApp;
  let api: ReturnType<typeof caseClient>;
  let intakePort: number;
  let owner: Staff;
  let colleague: Staff;
  let housing: Staff;
  let everywhere: Staff;
  let sockets: {
    owner: ReturnType<typeof listen>;
    colleague: ReturnType<typeof listen>;
    housing: ReturnType<typeof listen>;
    everywhere: ReturnType<typeof listen>;
  };

  beforeAll(async () => {
    intakePort = await freePort();
    t = await startTestApp({
      env: { WARD_MAIL_INTAKE_PORT: String(intakePort), WARD_MAIL_INTAKE_ADDRESSES: 'contact@council.example' },
    });
    api = caseClient(t);
    owner = await api.staff('agent', ['waste'], { firstName: 'Olu', lastName: 'Owner' });
    colleague = await api.staff('agent', ['waste'], { firstName: 'Cat', lastName: 'Colleague' });
    housing = await api.staff('agent', ['housing'], { firstName: 'Hal', lastName: 'Housing' });
    everywhere = await api.staff('agent', [], { firstName: 'Eve', lastName: 'Everywhere' });
    sockets = {
      owner: listen(await t.agentSocket(owner.cookie)),
      colleague: listen(await t.agentSocket(colleague.cookie)),
      housing: listen(await t.agentSocket(housing.cookie)),
      everywhere: listen(await t.agentSocket(everywhere.cookie)),
    };
  });
  afterAll(async () => t?.close());

  /** A phone call about bins, logged by the owner: a waste case they own. */
  async function ownersCase(): Promise<IntakeResponse> {
    const response = await api.call<IntakeResponse>(
      'POST',
      '/api/intake/contacts',
      { cookie: owner.cookie },
      {
        channel: 'phone',
        summary: 'Bin not collected on Qxzvbn Road',
        topic: 'bins',
        name: 'Qxzvbn Resident',
        email: `qxzvbn-${randomUUID()}@example.net`,
      },
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  it('tells the owner and their department when a colleague adds a note, with ids only; not another department', async () => {
    const opened = await ownersCase();
    // The new case itself: its owner and department hear of it.
    await expectReceived(sockets.owner, opened.caseId, 0, ['changed']);
    await expectReceived(sockets.colleague, opened.caseId, 0, ['changed']);
    await settle();

    const from = {
      owner: sockets.owner.received.length,
      colleague: sockets.colleague.received.length,
      everywhere: sockets.everywhere.received.length,
      housing: sockets.housing.received.length,
    };
    const note = await api.call(
      'POST',
      `/api/cases/${opened.caseId}/notes`,
      { cookie: colleague.cookie },
      { text: 'Called the crew about Qxzvbn Road' },
    );
    expect(note.status).toBe(201);

    await expectReceived(sockets.owner, opened.caseId, from.owner, ['changed']);
    const [payload] = sockets.owner.about(opened.caseId, from.owner);
    expect(payload).toEqual({ caseId: opened.caseId, reason: 'changed' });
    expect(Object.keys(payload ?? {}).sort()).toEqual(['caseId', 'reason']);
    expect(JSON.stringify(sockets.owner.received)).not.toMatch(/Qxzvbn|crew|@/);
    await expectReceived(sockets.colleague, opened.caseId, from.colleague, ['changed']);
    await expectReceived(sockets.everywhere, opened.caseId, from.everywhere, ['changed']);
    await settle();
    expect(sockets.housing.received.slice(from.housing)).toEqual([]);
    expect(sockets.housing.about(opened.caseId)).toEqual([]);
  });

  it('follows the case to its new department when it is transferred, and tells the department it left', async () => {
    const opened = await ownersCase();
    await expectReceived(sockets.owner, opened.caseId, 0, ['changed']);
    await expectReceived(sockets.colleague, opened.caseId, 0, ['changed']);
    expect(sockets.housing.about(opened.caseId)).toEqual([]);
    const moved = await api.call(
      'PUT',
      `/api/cases/${opened.caseId}/department`,
      { cookie: owner.cookie },
      { departmentId: 'housing' },
    );
    expect(moved.status).toBe(200);
    await expectReceived(sockets.housing, opened.caseId, 0, ['changed']);
    // The waste colleague's list must drop the case: they hear of the transfer too.
    await expectReceived(sockets.colleague, opened.caseId, 0, ['changed', 'changed']);
  });

  it('tells the owner when the resident emails about the case over SMTP', async () => {
    const opened = await ownersCase();
    await expectReceived(sockets.owner, opened.caseId, 0, ['changed']);
    await settle();
    const from = sockets.owner.received.length;
    const before = sockets.housing.received.length;
    const sent = await nodemailer
      .createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true })
      .sendMail({
        from: 'qxzvbn.resident@example.net',
        to: 'contact@council.example',
        subject: `RE: My bins [${opened.caseReference}]`,
        text: 'Still not collected, Qxzvbn Road',
        messageId: `<${randomUUID()}@example.net>`,
      });
    expect(sent.accepted).toEqual(['contact@council.example']);
    await expectReceived(sockets.owner, opened.caseId, from, ['email-received']);
    expect(sockets.owner.about(opened.caseId, from)).toEqual([{ caseId: opened.caseId, reason: 'email-received' }]);
    expect(JSON.stringify(sockets.owner.received)).not.toMatch(/Qxzvbn|qxzvbn|collected/);
    await settle();
    expect(sockets.housing.received.slice(before)).toEqual([]);
  });

  it('tells staff of the form’s department, and administrators, when a form opens a case', async () => {
    // An administrator hears every department's cases, whatever departments are listed for them.
    const admin = await api.staff('admin', ['parking']);
    const adminSocket = listen(await t.agentSocket(admin.cookie));
    const before = { housing: sockets.housing.received.length, owner: sockets.owner.received.length };
    const response = await fetch(`${t.url}/api/forms/demo/leave-your-details/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { name: 'Qxzvbn Resident', email: 'qxzvbn.form@example.net', message: 'Please call me back' },
        consent: true,
      }),
    });
    expect(response.status).toBe(201);
    const { caseReference } = (await response.json()) as { caseReference: string };
    const opened = await t.app.db
      .selectFrom('cases')
      .select(['id', 'department_id'])
      .where('case_reference', '=', caseReference)
      .executeTakeFirstOrThrow();
    expect(opened.department_id).toBe('customer-services');

    await expectReceived(sockets.everywhere, opened.id, 0, ['changed', 'form-submitted']);
    await expectReceived(adminSocket, opened.id, 0, ['changed', 'form-submitted']);
    await settle();
    // Waste and housing agents do not work in customer services.
    expect(sockets.housing.received.slice(before.housing)).toEqual([]);
    expect(sockets.owner.received.slice(before.owner)).toEqual([]);
  });
});
