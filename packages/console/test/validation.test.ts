import { caseReferenceFromRandom } from '@ward/protocol';
import { describe, expect, it } from 'vitest';
import { errorFromBody, genericErrorMessage, messageOf } from '../src/api/errors.ts';
import { validateReply, validateSummary } from '../src/features/chats/validate-chat.ts';
import {
  checkCaseReference,
  invalidCaseReferenceMessage,
} from '../src/features/conversations/validate-case-reference.ts';
import { validateInvitation } from '../src/features/invitations/validate-invitation.ts';
import { validateSignIn } from '../src/features/sign-in/validate-sign-in.ts';
import { validateInvite } from '../src/features/staff/validate-invite.ts';
import { errorItems } from '../src/ui/validation.ts';

describe('sign in', () => {
  it('asks for both fields, in GOV.UK words', () => {
    expect(validateSignIn('', '')).toEqual({ email: 'Enter your email address', password: 'Enter your password' });
    expect(validateSignIn('nope', 'x').email).toMatch(/correct format/);
    expect(validateSignIn(' sam@council.gov.uk ', 'x')).toEqual({});
  });
});

describe('accepting an invitation', () => {
  const good = {
    email: null,
    firstName: 'Sam',
    lastName: 'Jones',
    password: 'correct horse battery',
    confirmPassword: 'correct horse battery',
  };
  it('accepts good answers', () => expect(validateInvitation(good)).toEqual({}));
  it('needs names, a long enough password and a matching confirmation', () => {
    expect(
      validateInvitation({ email: null, firstName: ' ', lastName: '', password: '', confirmPassword: '' }),
    ).toEqual({
      firstName: 'Enter your first name',
      lastName: 'Enter your last name',
      password: 'Enter a password',
      confirmPassword: 'Enter your password again',
    });
    expect(validateInvitation({ ...good, password: 'short', confirmPassword: 'short' }).password).toBe(
      'Password must be 12 characters or more',
    );
    expect(validateInvitation({ ...good, confirmPassword: 'something else' }).confirmPassword).toBe(
      'Passwords must match',
    );
  });
  it('asks the first administrator for an email address, and checks it', () => {
    expect(validateInvitation({ ...good, email: '' }).email).toBe('Enter your email address');
    expect(validateInvitation({ ...good, email: 'sam@' }).email).toBe(
      'Enter an email address in the correct format, like name@council.gov.uk',
    );
    expect(validateInvitation({ ...good, email: ' sam@council.gov.uk ' })).toEqual({});
  });
  it('lists errors in page order for the error summary', () => {
    const errors = validateInvitation({ ...good, lastName: '', confirmPassword: 'x' });
    expect(
      errorItems(errors, { firstName: 'a', lastName: 'b', password: 'c', confirmPassword: 'd' }, [
        'firstName',
        'lastName',
        'password',
        'confirmPassword',
      ]),
    ).toEqual([
      { fieldId: 'b', text: 'Enter your last name' },
      { fieldId: 'd', text: 'Passwords must match' },
    ]);
  });
});

describe('inviting staff', () => {
  it('needs an email address and a role', () => {
    expect(validateInvite('', '')).toEqual({ email: 'Enter their email address', role: 'Select a role' });
    expect(validateInvite('sam@council.gov.uk', 'agent')).toEqual({});
  });
});

describe('case reference search', () => {
  it('normalises what was typed', () => {
    const reference = caseReferenceFromRandom([4, 19, 7, 20, 9, 22, 2]);
    expect(checkCaseReference(` ${reference.toLowerCase().replace('-', ' ')} `)).toEqual({ caseReference: reference });
  });
  it('explains a reference that is not valid', () => {
    expect(checkCaseReference('')).toEqual({ error: 'Enter a case reference' });
    expect(checkCaseReference('4K7M-9P2Y')).toEqual({ error: invalidCaseReferenceMessage });
    expect(invalidCaseReferenceMessage).toBe(
      'Enter a valid case reference, like 4K7M-9P2X — check you have typed it correctly',
    );
  });
});

describe('chat forms', () => {
  it('will not send an empty or over-long reply', () => {
    expect(validateReply('  \n')).toBe('Enter a message');
    expect(validateReply('x'.repeat(4001))).toMatch(/4000 characters or fewer/);
    expect(validateReply('Hello')).toBeNull();
  });
  it('needs a summary', () => {
    expect(validateSummary('   ')).toBe('Enter a summary of the contact');
    expect(validateSummary('Helped with council tax')).toBeNull();
  });
});

describe('API errors', () => {
  it('shows the server’s message', () => {
    const error = errorFromBody(409, { error: { code: 'conflict', message: 'Someone else accepted this chat' } });
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'Someone else accepted this chat' });
    expect(messageOf(error)).toBe('Someone else accepted this chat');
  });
  it('falls back to a generic message for anything else', () => {
    expect(errorFromBody(500, '<html>').message).toBe(genericErrorMessage);
    expect(errorFromBody(500, { error: { code: 'internal' } }).message).toBe(genericErrorMessage);
    expect(messageOf(new Error('stack trace'))).toBe(genericErrorMessage);
  });
});
