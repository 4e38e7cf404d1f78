import { describe, expect, it } from 'vitest';
import { ChangeRightsStatusBody, LogRightsRequestBody, RightsRequestStatus } from '@ward/protocol';
import {
  validateAction,
  validateLog,
  type ActionAnswers,
  type LogAnswers,
} from '../src/features/rights/validate-rights.ts';
import { flagText, formatCalendarDate, statusTags } from '../src/features/rights/rights-wording.ts';
import { rightsCy } from '../src/features/rights/texts-cy.ts';
import { dateTextsCy } from '../src/features/rights/date-texts-cy.ts';
import { formatDate, formatDateTime } from '../src/ui/format.ts';

const now = new Date('2026-06-01T10:00:00Z');
const blankDate = { day: '', month: '', year: '' };
const log = (answers: Partial<LogAnswers>): LogAnswers => ({
  type: 'access',
  received: { day: '2', month: '3', year: '2026' },
  channel: 'email',
  name: ' Ann Resident ',
  contact: 'ann@example.com',
  caseReference: '',
  identity: 'not-checked',
  identityNote: '',
  ...answers,
});
const act = (answers: Partial<ActionAnswers>): ActionAnswers => ({
  action: '',
  on: blankDate,
  months: '',
  owner: '',
  outcome: '',
  reason: '',
  identity: '',
  identityNote: '',
  ...answers,
});

describe('the log-a-request form', () => {
  it('asks for the type, the date received, the channel, the name and the contact', () => {
    const { errors, body } = validateLog(
      log({ type: '', received: blankDate, channel: '', name: ' ', contact: '' }),
      now,
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      type: 'Select the type of request',
      received: 'Enter the date received',
      channel: 'Select how the request came in',
      name: "Enter the requester's name",
      contact: "Enter the requester's email address, phone number or postal address",
    });
  });

  it('refuses a date received in the future or that does not exist', () => {
    expect(validateLog(log({ received: { day: '2', month: '6', year: '2026' } }), now).errors.received).toBe(
      'The date received must be today or in the past',
    );
    expect(validateLog(log({ received: { day: '30', month: '2', year: '2026' } }), now).errors.received).toMatch(
      /real date/,
    );
  });

  it('sends what Ward accepts', () => {
    const { body } = validateLog(log({}), now);
    expect(body).toMatchObject({
      receivedOn: '2026-03-02',
      requesterName: 'Ann Resident',
      identityMethod: 'not-checked',
    });
    expect(LogRightsRequestBody.safeParse(body).success).toBe(true);
  });
});

describe('what happens next on a request', () => {
  it('asks what happens, a reason for an extension or a refusal, and who owns it', () => {
    expect(validateAction(act({}), now).errors).toEqual({ action: 'Select what happens next' });
    expect(validateAction(act({ action: 'extend' }), now).errors).toEqual({
      months: 'Select 1 or 2 months',
      reason: 'Enter the reason for the extension',
    });
    expect(validateAction(act({ action: 'close', outcome: 'refused' }), now).errors).toEqual({
      reason: 'Enter the reason the request was refused',
    });
    expect(validateAction(act({ action: 'assign' }), now).errors).toEqual({ owner: 'Select who owns the request' });
  });

  it('dates a pause today when the date is left blank, and records identity on resuming', () => {
    expect(validateAction(act({ action: 'awaiting-identity' }), now).request).toEqual({
      kind: 'status',
      body: { status: 'awaiting-identity' },
    });
    const resumed = validateAction(
      act({
        action: 'in-progress',
        on: { day: '20', month: '3', year: '2026' },
        identity: 'documents',
        identityNote: 'Passport',
      }),
      now,
    ).request;
    expect(resumed).toEqual({
      kind: 'status',
      body: { status: 'in-progress', on: '2026-03-20', identityMethod: 'documents', identityNote: 'Passport' },
    });
    expect(resumed?.kind === 'status' && ChangeRightsStatusBody.safeParse(resumed.body).success).toBe(true);
    expect(
      validateAction(act({ action: 'in-progress', on: { day: '2', month: '6', year: '2026' } }), now).errors.on,
    ).toMatch(/today or in the past/);
  });

  it('has words for every status and every deadline', () => {
    for (const status of RightsRequestStatus.options) expect(statusTags[status].text).not.toBe('');
    expect(flagText({ kind: 'due-in', days: 3 })).toBe('Due in 3 days');
    expect(flagText({ kind: 'overdue', days: 1 })).toBe('Overdue by 1 day');
    expect(flagText({ kind: 'paused', daysLeft: 23 })).toBe('Clock stopped: 23 days left');
    expect(formatCalendarDate('2026-04-13')).toBe('13 April 2026');
  });

  it('says deadlines, dates and date problems in Welsh, the month named without the browser’s help (ui/format.ts)', () => {
    expect(flagText({ kind: 'due-in', days: 3 }, rightsCy)).toBe('I’w gwblhau ymhen 3 diwrnod');
    expect(formatCalendarDate('2026-04-13', 'cy')).toBe('13 Ebrill 2026');
    expect(formatDate('2025-06-30T23:30:00.000Z', 'cy')).toBe('1 Gorffennaf 2025');
    expect(formatDateTime('2025-12-03T08:30:00.000Z', 'cy')).toBe('3 Rhagfyr 2025 am 8:30yb');
    expect(formatDateTime('2025-12-03T08:30:00.000Z')).toBe('3 December 2025 at 8:30am');
    const received = (day: string, month: string, year: string) =>
      validateLog(log({ received: { day, month, year } }), now, rightsCy, dateTextsCy).errors.received;
    expect(received('', '', '')).toBe('Rhowch y dyddiad y daeth i law');
    expect(received('2', '', '')).toBe('Rhaid i’r dyddiad y daeth i law gynnwys mis a blwyddyn');
    expect(received('31', '2', '2026')).toBe('Rhaid i’r dyddiad y daeth i law fod yn ddyddiad go iawn');
    expect(received('1', '2', '26')).toBe('Rhaid i’r flwyddyn gynnwys 4 rhif');
    expect(received('2', '6', '2026')).toBe('Rhaid i’r dyddiad y daeth i law fod heddiw neu yn y gorffennol');
  });
});
