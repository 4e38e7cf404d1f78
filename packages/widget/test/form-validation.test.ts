import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { limits, MessageBody, StartConversationBody, SurveyBody, TranscriptRequestBody } from '@ward/protocol';
import {
  consentError,
  messageBodyError,
  validatePreChat,
  validateSurvey,
  validateTranscriptEmail,
} from '../src/app/form-validation.ts';

const valid = { name: 'Alex Smith', email: '', topic: 'bins', consent: false };

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
