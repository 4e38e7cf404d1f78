import { describe, expect, it } from 'vitest';
import { caseReferenceFromRandom } from '@ward/protocol';
import { checkWhen, nowTyped, parseTime } from '../src/features/contacts/contact-time.ts';
import { contactsTexts } from '../src/features/contacts/texts.ts';
import type { ContactAnswers, SocialAnswers } from '../src/features/contacts/validate-contact.ts';
import {
  chooseTopic,
  looksLikePhone,
  validateLoggedContact,
  validateSocialTransfer,
} from '../src/features/contacts/validate-contact.ts';

// 10:00 on 23 November 2026 in London (GMT), and 10:00 on 1 July 2026 (BST).
const winter = new Date('2026-11-23T10:00:00Z');
const summer = new Date('2026-07-01T09:00:00Z');
const date = (day: string, month: string, year: string) => ({ day, month, year });
const reference = caseReferenceFromRandom([3, 1, 4, 1, 5, 9, 2]);

describe('the time of a contact', () => {
  it('reads 12- and 24-hour times', () => {
    expect(parseTime('14:30')).toEqual({ hour: 14, minute: 30 });
    expect(parseTime('2:30pm')).toEqual({ hour: 14, minute: 30 });
    expect(parseTime('2.30 PM')).toEqual({ hour: 14, minute: 30 });
    expect(parseTime('9am')).toEqual({ hour: 9, minute: 0 });
    expect(parseTime('12am')).toEqual({ hour: 0, minute: 0 });
    expect(parseTime('12pm')).toEqual({ hour: 12, minute: 0 });
    expect(parseTime('midday')).toEqual({ hour: 12, minute: 0 });
    expect(parseTime('00:05')).toEqual({ hour: 0, minute: 5 });
  });
  it('refuses what is not a time, or is ambiguous', () => {
    for (const typed of ['9', '24:00', '13pm', '0am', '2:60pm', 'half two', '14:3'])
      expect(parseTime(typed)).toBeNull();
  });
});

describe('when a contact happened', () => {
  it('is a UK time, in GMT or BST', () => {
    expect(checkWhen('of the contact', date('23', '11', '2026'), '9:15am', winter)).toEqual({
      at: '2026-11-23T09:15:00.000Z',
    });
    expect(checkWhen('of the contact', date('1', '7', '2026'), '9:15am', summer)).toEqual({
      at: '2026-07-01T08:15:00.000Z',
    });
  });
  it('cannot be in the future', () => {
    expect(checkWhen('of the contact', date('24', '11', '2026'), '9:00', winter)).toEqual({
      errors: { date: 'The date of the contact must be today or in the past', dateParts: ['day', 'month', 'year'] },
    });
    expect(checkWhen('of the contact', date('23', '11', '2026'), '10:30', winter)).toEqual({
      errors: { time: 'The time of the contact must be now or in the past' },
    });
  });
  it('needs a real date and a time', () => {
    expect(checkWhen('of the contact', date('', '', ''), '', winter)).toEqual({
      errors: {
        date: 'Enter the date of the contact',
        dateParts: ['day', 'month', 'year'],
        time: 'Enter the time of the contact',
      },
    });
    expect(checkWhen('of the contact', date('31', '2', '2026'), 'noonish', winter)).toEqual({
      errors: {
        date: 'The date of the contact must be a real date',
        dateParts: ['day'],
        time: 'Enter a real time, like 2:30pm or 14:30',
      },
    });
    expect(checkWhen('of the contact', date('1', '1', '1999'), '9am', winter)).toEqual({
      errors: { date: 'The date of the contact must be in 2000 or later', dateParts: ['year'] },
    });
  });
  it('starts as now, in the UK', () => {
    expect(nowTyped(summer)).toEqual({ date: date('1', '7', '2026'), time: '10:00' });
  });
});

const contact: ContactAnswers = {
  channel: 'phone',
  summary: ' Asked when the bins are collected ',
  date: date('23', '11', '2026'),
  time: '9:15am',
  departmentId: 'waste',
  topic: '',
  name: ' Ann Resident ',
  email: '',
  phone: '07700 900982',
  caseReference: '',
  recordId: null,
};

describe('logging a phone call or visit', () => {
  it('sends what was typed, trimmed, leaving out what was not', () => {
    expect(validateLoggedContact(contact, winter)).toEqual({
      errors: {},
      dateParts: [],
      body: {
        channel: 'phone',
        summary: 'Asked when the bins are collected',
        contactedAt: '2026-11-23T09:15:00.000Z',
        departmentId: 'waste',
        name: 'Ann Resident',
        phone: '07700 900982',
      },
    });
  });
  it('says what is missing', () => {
    const check = validateLoggedContact({ ...contact, channel: '', summary: ' ', departmentId: '' }, winter);
    expect(check.errors).toEqual({
      channel: 'Select how the resident contacted the council',
      summary: 'Enter a summary of the contact',
      departmentId: 'Select the department that should deal with it',
    });
    expect(check.body).toBeNull();
  });
  it('checks the resident’s details and a quoted case reference', () => {
    const check = validateLoggedContact(
      { ...contact, email: 'ann@', phone: '12345', caseReference: '4K7M-9P2Y', name: 'x'.repeat(101) },
      winter,
    );
    expect(check.errors).toEqual({
      name: 'The name must be 100 characters or fewer',
      email: 'Enter an email address in the correct format, like name@example.com',
      phone: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
      caseReference: expect.stringMatching(/^Enter a valid case reference/),
    });
    expect(
      validateLoggedContact({ ...contact, caseReference: reference.toLowerCase() }, winter).body?.caseReference,
    ).toBe(reference);
  });
  it('logs on a record without asking for the resident’s details', () => {
    const recordId = '00000000-0000-4000-8000-000000000009';
    const check = validateLoggedContact({ ...contact, recordId, email: 'not an email' }, winter);
    expect(check.errors).toEqual({});
    expect(check.body).toEqual(expect.objectContaining({ recordId }));
    expect(check.body).not.toHaveProperty('name');
  });
  it('accepts UK phone numbers loosely, leaving the real check to Ward', () => {
    expect(looksLikePhone('+44 7700 900982')).toBe(true);
    expect(looksLikePhone('(01632) 960-001')).toBe(true);
    expect(looksLikePhone('0161 496 000')).toBe(true);
    expect(looksLikePhone('call me')).toBe(false);
  });
});

const social: SocialAnswers = {
  platform: 'facebook',
  handle: ' @ann.resident ',
  request: ' The street light outside 4 Elm Road is out ',
  date: date('22', '11', '2026'),
  time: '18:40',
  departmentId: 'highways',
  topic: '',
  name: '',
  email: ' ann@example.com ',
  phone: '',
  caseReference: '',
};

const topics = [
  { id: 'council-tax', label: 'Council Tax', departmentId: 'council-tax' },
  { id: 'bins', label: 'Bins and recycling', departmentId: 'waste' },
];

describe('choosing a topic', () => {
  it('preselects the topic’s department', () => {
    expect(chooseTopic('bins', topics)).toEqual({ topic: 'bins', departmentId: 'waste' });
  });
  it('leaves the department as it was when no topic is chosen, or one that is not the council’s', () => {
    expect(chooseTopic('', topics)).toEqual({ topic: '' });
    expect(chooseTopic('libraries', topics)).toEqual({ topic: '' });
  });
  it('sends the topic id with the department, which staff may have changed after choosing it', () => {
    const chosen = { ...contact, ...chooseTopic('bins', topics) };
    expect(validateLoggedContact(chosen, winter).body).toMatchObject({ topic: 'bins', departmentId: 'waste' });
    expect(validateLoggedContact({ ...chosen, departmentId: 'housing' }, winter).body).toMatchObject({
      topic: 'bins',
      departmentId: 'housing',
    });
    expect(validateSocialTransfer({ ...social, ...chooseTopic('council-tax', topics) }, winter).body).toMatchObject({
      topic: 'council-tax',
      departmentId: 'council-tax',
    });
  });
  it('sends no topic when none was chosen', () => {
    expect(validateLoggedContact(contact, winter).body).not.toHaveProperty('topic');
    expect(validateSocialTransfer(social, winter).body).not.toHaveProperty('topic');
  });
});

describe('transferring a social-media request', () => {
  it('sends the platform, handle, request and when it was received', () => {
    expect(validateSocialTransfer(social, winter)).toEqual({
      errors: {},
      dateParts: [],
      body: {
        platform: 'facebook',
        handle: '@ann.resident',
        request: 'The street light outside 4 Elm Road is out',
        receivedAt: '2026-11-22T18:40:00.000Z',
        departmentId: 'highways',
        email: 'ann@example.com',
      },
    });
  });
  it('says what is missing', () => {
    const check = validateSocialTransfer(
      { ...social, platform: '', handle: '', request: '', date: date('', '', ''), time: '' },
      winter,
    );
    expect(check.errors).toEqual({
      platform: 'Select the platform the request was made on',
      handle: 'Enter the resident’s handle or profile name',
      request: 'Enter the request as the resident made it',
      date: 'Enter the date the request was received',
      time: 'Enter the time the request was received',
    });
    expect(check.dateParts).toEqual(['day', 'month', 'year']);
    expect(check.body).toBeNull();
  });
  it('limits the handle and the request', () => {
    const check = validateSocialTransfer({ ...social, handle: 'x'.repeat(101), request: 'x'.repeat(4001) }, winter);
    expect(check.errors).toEqual({
      handle: 'The handle must be 100 characters or fewer',
      request: 'The request must be 4000 characters or fewer',
    });
  });
});

describe('the contact forms in Welsh (ADR 51)', () => {
  const say = contactsTexts.cy;
  const social = (more: Partial<SocialAnswers>): SocialAnswers => ({
    platform: 'facebook',
    handle: '@resident',
    request: 'The bin was missed',
    date: date('23', '11', '2026'),
    time: '9am',
    departmentId: 'waste',
    topic: '',
    name: '',
    email: '',
    phone: '',
    caseReference: '',
    ...more,
  });
  it('says what is missing from the date, and which form it is, in Welsh', () => {
    expect(validateSocialTransfer(social({ date: date('23', '', '') }), winter, say).errors.date).toBe(
      'Rhaid i ddyddiad cael y cais gynnwys mis a blwyddyn',
    );
    expect(validateSocialTransfer(social({ date: date('23', '11', '26') }), winter, say).errors.date).toBe(
      'Rhaid i’r flwyddyn gynnwys 4 rhif',
    );
    expect(validateSocialTransfer(social({ platform: '', time: 'noonish' }), winter, say).errors).toEqual({
      platform: 'Dewiswch y platfform y gwnaed y cais arno',
      time: 'Rhowch amser go iawn, fel 2:30yp neu 14:30',
    });
  });
  it('keeps the shared date wording in English', () => {
    expect(validateSocialTransfer(social({ date: date('23', '', '') }), winter).errors.date).toBe(
      'The date the request was received must include a month and year',
    );
    expect(validateSocialTransfer(social({ date: date('23', '11', '26') }), winter).errors.date).toBe(
      'Year must include 4 numbers',
    );
  });
});
