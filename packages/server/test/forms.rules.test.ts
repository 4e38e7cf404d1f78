import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormDefinitionInput, type FormField } from '@ward/protocol';
import { loadConfig } from '../src/config.ts';
import { OrganisationSettings, defaultOrganisation } from '../src/shared/organisation-settings.ts';
import { validateField } from '../src/features/forms/field-validation.rules.ts';
import {
  checkSubmission,
  displayAnswers,
  recordIntakeOf,
  redactAnswers,
} from '../src/features/forms/form-answers.rules.ts';
import { parseUrlEncoded, submissionFromPage } from '../src/features/forms/form-input.rules.ts';
import { checkDate, londonToday } from '../src/features/forms/dates.rules.ts';
import { readyForms } from '../src/shared/ready-forms.ts';

const today = '2025-06-15';
const field = (input: Record<string, unknown>): FormField =>
  FormDefinition.parse({ id: 'f', title: 'T', department: 'waste', fields: [input] }).fields[0]!;
const messageOf = (f: FormField, raw: Parameters<typeof validateField>[1]) => {
  const result = validateField(f, raw, today);
  return result.ok ? null : result.error.message;
};
const valueOf = (f: FormField, raw: Parameters<typeof validateField>[1]) => {
  const result = validateField(f, raw, today);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const form = (id: string) => defaultOrganisation.settings.forms.find((f) => f.id === id)!;

describe('form definitions', () => {
  it('ships three ready forms in the demo organisation, each sent to one of its departments', () => {
    const forms = defaultOrganisation.settings.forms;
    expect(forms.map((f) => f.title)).toEqual([
      'Report a fault',
      'Apply or subscribe for a service',
      'Leave your details for us to reply',
    ]);
    const departments = defaultOrganisation.settings.departments.map((d) => d.id);
    for (const f of forms) expect(departments).toContain(f.department);
    expect(form('report-a-fault').fields.find((f) => f.id === 'faultType')).toMatchObject({
      type: 'radios',
      options: [{ value: 'street-light' }, { value: 'pothole' }, { value: 'other' }],
    });
    expect(form('apply-for-a-service').consent?.privacyNoticeUrl).toMatch(/^https:/);
  });

  it('refuses a form whose department the council does not have, saying which', () => {
    const settings = { topics: [{ id: 'other', label: 'Other' }], forms: [{ ...readyForms[0], department: 'roads' }] };
    const result = OrganisationSettings.safeParse(settings);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['forms', 0, 'department'],
      message: 'department "roads" is not in departments',
    });
  });

  it('stops the start with a clear message when the organisation file holds a bad form', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-forms-')), 'org.json');
    const bad = (forms: unknown[]) => {
      writeFileSync(
        file,
        JSON.stringify({
          slug: 'northshire',
          name: 'Northshire Council',
          settings: { topics: [{ id: 'tax', label: 'Tax' }], forms },
        }),
      );
      return () => loadConfig({ WARD_ORGANISATION_FILE: file });
    };
    const base: FormDefinitionInput = {
      id: 'contact',
      title: 'Contact us',
      department: 'customer-services',
      fields: [{ id: 'message', type: 'textarea', label: 'Message' }],
    };
    expect(bad([{ ...base, department: 'roads' }])).toThrow(
      /settings\.forms\.0\.department: department "roads" is not in departments/,
    );
    expect(
      bad([
        {
          ...base,
          fields: [
            { id: 'message', type: 'textarea', label: 'A' },
            { id: 'message', type: 'text', label: 'B' },
          ],
        },
      ]),
    ).toThrow(/settings\.forms\.0\.fields\.1\.id: field id "message" is used twice/);
    expect(
      bad([
        {
          ...base,
          fields: [{ id: 'colour', type: 'radios', label: 'Colour', options: [{ value: 'red', label: 'Red' }] }],
        },
      ]),
    ).toThrow(/settings\.forms\.0\.fields\.0\.options/);
    expect(bad([{ ...base, fields: [{ id: 'where', type: 'sketch', label: 'Draw it' }] }])).toThrow(
      /settings\.forms\.0\.fields\.0\.type/,
    );
    expect(bad([{ ...base, fields: [{ id: 'who', type: 'textarea', label: 'Who', recordField: 'name' }] }])).toThrow(
      /settings\.forms\.0\.fields\.0/,
    );
    expect(bad([{ ...base, fields: [{ id: 'consent', type: 'text', label: 'Consent' }] }])).toThrow(
      /field id "consent" is reserved/,
    );
    expect(bad([{ ...base, consent: { privacyNoticeUrl: 'javascript:alert(1)', summary: 'x' } }])).toThrow(
      /privacyNoticeUrl must be an http\(s\) address/,
    );
    expect(bad([base, base])).toThrow(/settings\.forms\.1\.id: form id "contact" is used twice/);
    // A council that lists no forms keeps the ready ones; an empty list means none.
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'northshire',
        name: 'Northshire Council',
        settings: { topics: [{ id: 'tax', label: 'Tax' }], forms: [] },
      }),
    );
    expect(loadConfig({ WARD_ORGANISATION_FILE: file }).organisation.settings.forms).toEqual([]);
  });
});

describe('validating each kind of field', () => {
  it('text and long text: required, trimmed, with a length limit and no control characters', () => {
    const name = field({ id: 'name', type: 'text', label: 'Your name', maxLength: 10 });
    expect(messageOf(name, '   ')).toBe('Enter your name');
    expect(messageOf(name, 'x'.repeat(11))).toBe('Your name must be 10 characters or less');
    expect(valueOf(name, ' Ann\u0000Lee ')).toBe('Ann Lee');
    const story = field({ id: 'story', type: 'textarea', label: 'What happened?', required: false });
    expect(valueOf(story, '')).toBeNull();
    expect(valueOf(story, 'line one\r\nline two\u0007')).toBe('line one\nline two');
    expect(messageOf(story, 'x'.repeat(2001))).toBe('What happened must be 2000 characters or less');
    expect(messageOf(story, ['a', 'b'])).toMatch(/not in the right form/);
  });

  it('email addresses', () => {
    const email = field({ id: 'email', type: 'email', label: 'Email address' });
    expect(valueOf(email, ' ann@example.com ')).toBe('ann@example.com');
    for (const bad of ['ann', 'ann@example', 'ann@@example.com', '<script>@x.com', 'a b@example.com']) {
      expect(messageOf(email, bad), bad).toBe('Enter an email address in the correct format, like name@example.com');
    }
  });

  it('phone numbers, UK by default, stored in E.164', () => {
    const phone = field({ id: 'phone', type: 'phone', label: 'Telephone number' });
    expect(valueOf(phone, '07911 123456')).toBe('+447911123456');
    expect(valueOf(phone, '020 7946 0000')).toBe('+442079460000');
    expect(valueOf(phone, '+1 202 555 0143')).toBe('+12025550143');
    for (const bad of ['12345', 'call me', '07911 123456<script>', '0'.repeat(40)])
      expect(messageOf(phone, bad), bad).toMatch(/^Enter a telephone number/);
  });

  it('UK postcodes, normalised', () => {
    const postcode = field({ id: 'postcode', type: 'postcode', label: 'Postcode' });
    expect(valueOf(postcode, 'sw1a1aa')).toBe('SW1A 1AA');
    expect(messageOf(postcode, 'SW1A 1CC')).toBe('Enter a real postcode');
  });

  it('dates as day, month and year, with the GOV.UK messages', () => {
    const when = field({ id: 'when', type: 'date', label: 'When did it start?', when: 'past' });
    expect(valueOf(when, { day: '3', month: 'mar', year: '2024' })).toBe('2024-03-03');
    expect(valueOf(when, '2024-02-29')).toBe('2024-02-29');
    // The same month names as the widget's pre-chat dates, Welsh ones (and their mutated forms) too.
    expect(valueOf(when, { day: '3', month: 'Fawrth', year: '2024' })).toBe('2024-03-03');
    expect(valueOf(when, { day: '3', month: 'rhag', year: '2023' })).toBe('2023-12-03');
    expect(messageOf(when, {})).toBe('Enter when did it start');
    expect(messageOf(when, { day: '3', year: '2024' })).toBe('When did it start must include a month');
    expect(messageOf(when, { day: '29', month: '2', year: '2023' })).toBe('When did it start must be a real date');
    expect(messageOf(when, { day: '1', month: '1', year: '24' })).toBe('Year must include 4 numbers');
    expect(messageOf(when, { day: '16', month: '6', year: '2025' })).toBe(
      'When did it start must be today or in the past',
    );
    const check = checkDate(
      { day: '', month: '13', year: '' },
      { label: 'Date', errorName: 'the date', required: true, when: 'any', today },
    );
    expect(check).toEqual({ ok: false, message: 'Date must include a day and a year', parts: ['day', 'year'] });
    expect(londonToday(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01'); // British Summer Time
  });

  it('radios, selects and checkboxes accept only their options', () => {
    const radios = field({
      id: 'kind',
      type: 'radios',
      label: 'Kind',
      errorName: 'the kind of fault',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    });
    expect(valueOf(radios, 'b')).toBe('b');
    expect(messageOf(radios, '')).toBe('Select the kind of fault');
    expect(messageOf(radios, '<script>alert(1)</script>')).toBe('Select the kind of fault');
    const boxes = field({
      id: 'bins',
      type: 'checkbox',
      label: 'Bins',
      options: [
        { value: 'green', label: 'Green' },
        { value: 'blue', label: 'Blue' },
      ],
    });
    expect(valueOf(boxes, ['blue', 'green', 'blue'])).toEqual(['green', 'blue']);
    expect(messageOf(boxes, [])).toBe('Select bins');
    expect(messageOf(boxes, ['red'])).toBe('Select bins');
  });

  it('locations: where, with an optional postcode unless it is the resident’s address', () => {
    const fault = field({ id: 'place', type: 'location', label: 'Where is it?' });
    expect(valueOf(fault, { where: 'Outside 12 High Street' })).toEqual({
      where: 'Outside 12 High Street',
      postcode: null,
    });
    expect(valueOf(fault, { where: 'Lamp post 42', postcode: 'ab1 2dn' })).toEqual({
      where: 'Lamp post 42',
      postcode: 'AB1 2DN',
    });
    expect(validateField(fault, { where: 'x', postcode: 'nope' }, today)).toMatchObject({
      ok: false,
      error: { href: '#place-postcode', message: 'Enter a real postcode' },
    });
    expect(validateField(fault, { postcode: 'AB1 2DN' }, today)).toMatchObject({
      ok: false,
      error: { href: '#place-where' },
    });
    const home = field({ id: 'home', type: 'location', label: 'Your address', recordField: 'address' });
    expect(messageOf(home, { where: '1 Main Road' })).toBe('Enter a postcode');
  });

  it('case references, normalised and checked', () => {
    const reference = field({ id: 'ref', type: 'case-reference', label: 'Case reference', required: false });
    expect(valueOf(reference, '')).toBeNull();
    expect(messageOf(reference, 'ABCD-EFGH')).toMatch(/^Enter a case reference in the correct format/);
  });
});

describe('checking a whole submission', () => {
  const contact = form('leave-your-details');

  it('lists every problem in the order of the form, with links to the fields', () => {
    const result = checkSubmission(contact, { answers: {} }, today);
    expect(result.ok).toBe(false);
    const errors = 'errors' in result ? result.errors : [];
    expect(errors.map((e) => [e.href, e.message])).toEqual([
      ['#name', 'Enter your name'],
      ['#email', 'Enter an email address or a telephone number'],
      ['#message', 'Enter your message'],
      ['#consent', 'Confirm that you have read how we use your information'],
    ]);
  });

  it('refuses answers to questions the form does not ask', () => {
    expect(checkSubmission(contact, { answers: { name: 'Ann', isAdmin: 'yes' }, consent: true }, today)).toEqual({
      ok: false,
      unknownField: true,
    });
  });

  it('gives the record its name, email, phone and address, and redacts free text', () => {
    const apply = form('apply-for-a-service');
    const result = checkSubmission(
      apply,
      {
        answers: {
          service: 'garden-waste',
          name: 'Ann Resident',
          address: { where: '1 Main Road', postcode: 'ab1 2dn' },
          email: 'ann@example.com',
          phone: '07911 123456',
          terms: ['understood'],
        },
        consent: true,
      },
      today,
    );
    if (!result.ok) throw new Error('expected valid');
    expect(recordIntakeOf(apply, result.answers)).toEqual({
      email: 'ann@example.com',
      quotedCaseReference: null,
      details: [
        { kind: 'name', name: 'Ann Resident' },
        { kind: 'address', lines: ['1 Main Road'], town: null, postcode: 'AB1 2DN', uprn: null },
        { kind: 'email', address: 'ann@example.com' },
        { kind: 'phone', number: '+447911123456', label: null },
      ],
    });
    const fault = form('report-a-fault');
    const redacted = redactAnswers(
      fault,
      {
        description: 'Pay with 4111 1111 1111 1111 please',
        location: { where: 'By 4111 1111 1111 1111', postcode: null },
      },
      ['card-number'],
    );
    expect(redacted.categories).toEqual(['card-number']);
    expect(JSON.stringify(redacted.answers)).not.toContain('4111');
    expect(displayAnswers(apply, result.answers)).toContainEqual({
      fieldId: 'service',
      label: 'Which service do you want?',
      value: 'Garden waste subscription',
    });
  });
});

describe('reading a posted page', () => {
  const fault = form('report-a-fault');

  it('reads GOV.UK names into answers, and spots the robot trap', () => {
    const body = parseUrlEncoded(
      'faultType=pothole&location-where=High+St&location-postcode=&description=Deep&noticedOn-day=1&noticedOn-month=2&noticedOn-year=2025&caseReference=&name=&email=&phone=&website=',
    )!;
    expect(submissionFromPage(fault, body)).toEqual({
      ok: true,
      honeypotFilled: false,
      input: {
        answers: {
          faultType: 'pothole',
          location: { where: 'High St', postcode: '' },
          description: 'Deep',
          noticedOn: { day: '1', month: '2', year: '2025' },
          caseReference: '',
          name: '',
          email: '',
          phone: '',
        },
      },
    });
    expect(submissionFromPage(fault, parseUrlEncoded('description=x&website=http://spam.example')!)).toMatchObject({
      ok: true,
      honeypotFilled: true,
    });
  });

  it('refuses names the page never has, repeated single answers and floods of fields', () => {
    expect(submissionFromPage(fault, parseUrlEncoded('description=x&role=admin')!)).toEqual({ ok: false });
    expect(submissionFromPage(fault, parseUrlEncoded('description=x&description=y')!)).toEqual({ ok: false });
    expect(parseUrlEncoded(Array.from({ length: 201 }, (_, i) => `a${i}=1`).join('&'))).toBeNull();
    expect(Object.getPrototypeOf(parseUrlEncoded('__proto__=x')!)).toBeNull();
  });
});
