import { describe, expect, it } from 'vitest';
import { preSignInLanguage } from '../src/ui/browser-language.ts';
import { checkTypedDate } from '../src/ui/uk-dates.ts';
import { uiTexts } from '../src/ui/texts.ts';
import { validateSignIn } from '../src/features/sign-in/validate-sign-in.ts';
import { signInTexts } from '../src/features/sign-in/texts.ts';

describe('the console’s language before sign-in (ADR 51)', () => {
  it('is what was chosen in this browser, whatever the browser asks for', () => {
    expect(preSignInLanguage('cy', ['en-GB'])).toBe('cy');
    expect(preSignInLanguage('en', ['cy-GB', 'en'])).toBe('en');
  });

  it('follows the browser when nothing was chosen: Welsh only when Welsh comes first', () => {
    expect(preSignInLanguage(null, ['cy'])).toBe('cy');
    expect(preSignInLanguage(null, ['CY-gb', 'en-GB'])).toBe('cy');
    expect(preSignInLanguage(null, ['en-GB', 'cy'])).toBe('en');
    expect(preSignInLanguage(null, ['cym'])).toBe('en');
    expect(preSignInLanguage(null, [])).toBe('en');
    expect(preSignInLanguage('fr', ['cy'])).toBe('cy');
  });
});

describe('shared checks in Welsh, English by default', () => {
  it('words a date’s problems in the language given', () => {
    const typed = { day: '', month: '', year: '2025' };
    expect(checkTypedDate('The last date', typed)).toMatchObject({
      error: 'The last date must include a day and month',
    });
    expect(checkTypedDate('Y dyddiad olaf', typed, uiTexts.cy.dates)).toMatchObject({
      error: 'Y dyddiad olaf: rhaid iddo gynnwys diwrnod a mis',
      parts: ['day', 'month'],
    });
    expect(checkTypedDate('Y dyddiad olaf', { day: '31', month: '2', year: '2025' }, uiTexts.cy.dates)).toMatchObject({
      error: 'Y dyddiad olaf: rhaid iddo fod yn ddyddiad go iawn',
    });
  });

  it('asks for the email address and password in Welsh', () => {
    expect(validateSignIn('', '', signInTexts.cy.errors)).toEqual({
      email: 'Rhowch eich cyfeiriad e-bost',
      password: 'Rhowch eich cyfrinair',
    });
    expect(validateSignIn('', '')).toMatchObject({ email: 'Enter your email address' });
  });
});
