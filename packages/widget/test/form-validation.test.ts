import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { limits, MessageBody, StartConversationBody, SurveyBody, TranscriptRequestBody } from '@ward/protocol';
import { questionTypeChecks } from '@ward/protocol/pre-chat-question-types';
import { chooseLanguage, loadLaterTexts } from '../src/app/i18n.ts';
import { messageBodyError, validatePreChat } from '../src/app/form-validation.ts';
import { validateSurvey, validateTranscriptEmail } from '../src/app/post-chat-validation.ts';

const valid = { name: 'Alex Smith', email: '', topic: 'bins', consent: false };
const consentError = 'Confirm that you have read how we use your information';

// The widget's texts in English, as a resident on an English page reads them, with those fetched later.
beforeAll(async () => {
  await chooseLanguage('en');
  await loadLaterTexts();
});

describe('pre-chat form', () => {
  it('accepts a complete form and trims the email', () => {
    const result = validatePreChat({ ...valid, email: ' alex@example.com ' }, { consentRequired: false });
    expect(result).toEqual({ ok: true, value: { name: 'Alex Smith', email: 'alex@example.com', topic: 'bins' } });
  });

  it('lists one error per field, in the order of the form, linked to each field', () => {
    const result = validatePreChat(
      { name: '  ', email: 'not-an-email', topic: '', consent: false },
      { consentRequired: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'name', message: 'Enter your name' },
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'topic', message: 'Select what your enquiry is about' },
      { field: 'consent', message: consentError },
    ]);
  });

  it('asks for consent only when the council configures it, and sends it', () => {
    expect(validatePreChat(valid, { consentRequired: false }).ok).toBe(true);
    const refused = validatePreChat(valid, { consentRequired: true });
    expect(refused.ok ? [] : refused.errors.map((e) => e.field)).toEqual(['consent']);
    const given = validatePreChat({ ...valid, consent: true }, { consentRequired: true });
    expect(given).toEqual({ ok: true, value: { name: 'Alex Smith', email: '', topic: 'bins', consent: true } });
  });

  it('says how long a name can be in plain English', () => {
    const result = validatePreChat({ ...valid, name: 'a'.repeat(limits.nameMaxChars + 1) }, { consentRequired: false });
    expect(result.ok ? null : result.errors[0]).toEqual({
      field: 'name',
      message: 'Name must be 100 characters or fewer',
    });
  });
});

describe('the council’s own pre-chat questions', () => {
  const questions = [
    {
      id: 'landlord',
      label: 'Are you a landlord?',
      type: 'radios' as const,
      options: ['Yes', 'No'],
      required: true,
      topics: ['housing'],
      maxLength: 200,
    },
    {
      id: 'account',
      label: 'Account number',
      type: 'text' as const,
      options: [],
      required: false,
      topics: null,
      maxLength: 10,
    },
  ];
  const housing = { ...valid, topic: 'housing' };

  it('blocks the start until a required question of the chosen topic is answered, linked to its field', () => {
    const result = validatePreChat(housing, { consentRequired: false, questions });
    expect(result.ok ? null : result.errors).toEqual([
      { field: 'question-landlord', message: 'Select an answer to “Are you a landlord?”' },
    ]);
    const answered = validatePreChat(
      { ...housing, answers: { landlord: 'No' } },
      { consentRequired: false, questions },
    );
    expect(answered).toEqual({
      ok: true,
      value: { name: 'Alex Smith', email: '', topic: 'housing', answers: { landlord: 'No' } },
    });
  });

  it('asks a topic’s questions only for that topic, and sends no answer to one not asked', () => {
    const result = validatePreChat(
      { ...valid, answers: { landlord: 'Yes', account: ' 12345 ' } },
      { consentRequired: false, questions },
    );
    expect(result).toEqual({
      ok: true,
      value: { name: 'Alex Smith', email: '', topic: 'bins', answers: { account: '12345' } },
    });
  });

  it('says how long an answer can be', () => {
    const result = validatePreChat(
      { ...valid, answers: { account: '12345678901' } },
      { consentRequired: false, questions },
    );
    expect(result.ok ? null : result.errors).toEqual([
      { field: 'question-account', message: 'Your answer to “Account number” must be 10 characters or fewer' },
    ]);
  });
});

describe('pre-chat questions of the other online-form types', () => {
  const base = { options: [], required: true, topics: null, maxLength: 200 };
  const questions = [
    { ...base, id: 'moved-in', label: 'When did you move in?', type: 'date' as const, when: 'past' as const },
    { ...base, id: 'tenant', label: 'Are you a council tenant?', type: 'checkbox' as const, required: false },
    { ...base, id: 'postcode', label: 'Postcode', type: 'postcode' as const },
  ];
  const check = (answers: Record<string, string | { day: string; month: string; year: string }>) =>
    validatePreChat(
      { ...valid, answers },
      { consentRequired: false, questions, today: '2026-12-05', types: questionTypeChecks },
    );

  it('links a date’s error to its first box in error and names the boxes to mark', () => {
    const result = check({ 'moved-in': { day: '12', month: '', year: '' }, postcode: 'SW1A 1AA' });
    expect(result.ok ? null : result.errors).toEqual([
      {
        field: 'question-moved-in-month',
        message: 'When did you move in must include a month and a year',
        parts: ['month', 'year'],
      },
    ]);
  });

  it('sends a date as an ISO date, a postcode in its normal form and an unticked checkbox as no', () => {
    const result = check({ 'moved-in': { day: '27', month: 'march', year: '2019' }, postcode: 'sw1a1aa' });
    expect(result.ok ? result.value.answers : null).toEqual({
      'moved-in': '2019-03-27',
      tenant: 'no',
      postcode: 'SW1A 1AA',
    });
    // What the widget sends passes the protocol's schema too.
    expect(result.ok && StartConversationBody.safeParse(result.value).success).toBe(true);
  });

  it('says what is wrong in Welsh, in the words of the server’s Welsh forms', async () => {
    await chooseLanguage('cy');
    try {
      const result = check({ 'moved-in': { day: '12', month: '', year: '' }, postcode: 'SW1A 1AK' });
      expect(result.ok ? null : result.errors.map((error) => error.message)).toEqual([
        'Rhaid i “When did you move in” gynnwys mis a blwyddyn',
        'Rhowch god post go iawn',
      ]);
      const required = validatePreChat(
        { ...valid, answers: {} },
        { consentRequired: false, questions: [{ ...questions[2]!, label: 'Cod post' }], types: questionTypeChecks },
      );
      expect(required.ok ? null : required.errors[0]!.message).toBe('Rhowch ateb i “Cod post”');
    } finally {
      await chooseLanguage('en');
    }
  });
});

describe('survey', () => {
  it('needs a rating', () => {
    const result = validateSurvey({ rating: '', comment: '' });
    expect(result.ok ? null : result.errors).toEqual([
      { field: 'rating', message: 'Select how you would rate this chat' },
    ]);
  });

  it('sends the rating as a number and leaves out an empty comment', () => {
    expect(validateSurvey({ rating: '4', comment: '  ' })).toEqual({ ok: true, value: { rating: 4 } });
    expect(validateSurvey({ rating: '5', comment: ' Helpful ' })).toEqual({
      ok: true,
      value: { rating: 5, comment: 'Helpful' },
    });
  });

  it('limits the comment', () => {
    const result = validateSurvey({ rating: '3', comment: 'x'.repeat(limits.surveyCommentMaxChars + 1) });
    expect(result.ok ? null : result.errors).toEqual([
      { field: 'comment', message: 'Comments must be 2,000 characters or fewer' },
    ]);
  });
});

describe('transcript email', () => {
  it('asks for an address, then for a valid one', () => {
    expect(validateTranscriptEmail(' ')).toEqual({
      ok: false,
      errors: [{ field: 'transcript-email', message: 'Enter an email address' }],
    });
    const invalid = validateTranscriptEmail('alex@');
    expect(invalid.ok ? null : invalid.errors[0]?.message).toBe(
      'Enter an email address in the correct format, like name@example.com',
    );
    expect(validateTranscriptEmail(' alex@example.com')).toEqual({ ok: true, value: { email: 'alex@example.com' } });
  });
});

describe('message body', () => {
  it('uses the protocol limits', () => {
    expect(messageBodyError('Hello')).toBeNull();
    expect(messageBodyError('   ')).toBe('A message cannot be empty');
    expect(messageBodyError('x'.repeat(limits.messageBodyMaxChars))).toBeNull();
    expect(messageBodyError('x'.repeat(limits.messageBodyMaxChars + 1))).toBe(
      `A message can be at most ${limits.messageBodyMaxChars} characters`,
    );
  });
});

describe('the widget’s checks agree with the server’s schemas', () => {
  // The widget checks without zod (to stay light); the server parses with the protocol's schemas.
  // Whatever a resident types, both must accept it or both refuse it, with the same first message.
  const text = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.constantFrom('', '  ', 'a'.repeat(101), 'a'.repeat(4001), ' x ', 'alex@example.com'),
  );
  const email = fc.oneof(
    fc.emailAddress(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', ' alex@example.com ', 'a@b', 'a@b.c', 'x@example.co.uk', `${'a'.repeat(250)}@example.com`),
  );

  it('on the pre-chat form', () => {
    fc.assert(
      fc.property(text, email, fc.constantFrom('', 'bins', 'x'.repeat(101)), (name, address, topic) => {
        const widget = validatePreChat({ name, email: address, topic, consent: false }, { consentRequired: false });
        const server = StartConversationBody.safeParse({ name, email: address.trim(), topic });
        expect(widget.ok).toBe(server.success);
        if (widget.ok && server.success) expect(widget.value).toEqual(server.data);
      }),
    );
  });

  it('on the transcript email and the composer', () => {
    fc.assert(
      fc.property(email, (address) => {
        const trimmed = address.trim();
        if (trimmed === '') return;
        const widget = validateTranscriptEmail(address);
        const server = TranscriptRequestBody.safeParse({ email: trimmed });
        expect(widget.ok).toBe(server.success);
        if (!widget.ok && !server.success) expect(widget.errors[0]?.message).toBe(server.error.issues[0]?.message);
      }),
    );
    fc.assert(
      fc.property(text, (body) => {
        const server = MessageBody.safeParse(body);
        expect(messageBodyError(body)).toBe(server.success ? null : server.error.issues[0]?.message);
      }),
    );
  });

  it('on the survey', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '0', '1', '3', '5', '6', '2.5', 'x'), text, (rating, comment) => {
        const widget = validateSurvey({ rating, comment });
        const trimmed = comment.trim();
        const server = SurveyBody.safeParse({
          rating: rating === '' ? Number.NaN : Number(rating),
          ...(trimmed ? { comment: trimmed } : {}),
        });
        expect(widget.ok).toBe(server.success);
        if (widget.ok && server.success) expect(widget.value).toEqual(server.data);
      }),
    );
  });
});
