import { describe, expect, it } from 'vitest';
import { validateResidentSearch } from '../src/features/conversations/validate-resident-search.ts';
import { checkCaseReference } from '../src/features/conversations/validate-case-reference.ts';
import { conversationsTexts } from '../src/features/conversations/texts.ts';

describe('searching for a resident', () => {
  it('needs an email address or a name', () => {
    expect(validateResidentSearch(' ', '')).toEqual({
      errors: { email: 'Enter the resident’s email address or name' },
    });
  });
  it('checks each field it is given', () => {
    expect(validateResidentSearch('ann@', '')).toEqual({
      errors: { email: 'Enter an email address in the correct format, like name@example.com' },
    });
    expect(validateResidentSearch('', 'A')).toEqual({ errors: { name: 'Enter at least 2 letters of the name' } });
  });
  it('sends only what was typed, trimmed', () => {
    expect(validateResidentSearch(' ann@example.com ', '')).toEqual({ search: { email: 'ann@example.com' } });
    expect(validateResidentSearch('', ' Ann Resident ')).toEqual({ search: { name: 'Ann Resident' } });
  });
});

describe('searching for a resident, and finding a case, in Welsh (ADR 51)', () => {
  const cy = conversationsTexts.cy;
  it('says what is wrong in Welsh', () => {
    expect(validateResidentSearch('', '', cy)).toEqual({
      errors: { email: 'Rhowch gyfeiriad e-bost neu enw’r preswylydd' },
    });
    expect(validateResidentSearch('ann@', 'A', cy)).toEqual({
      errors: {
        email: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
        name: 'Rhowch o leiaf 2 lythyren o’r enw',
      },
    });
    expect(checkCaseReference('', cy.errors)).toEqual({ error: 'Rhowch gyfeirnod achos' });
    expect(checkCaseReference('nope', cy.errors)).toEqual({
      error: 'Rhowch gyfeirnod achos dilys, fel 4K7M-9P2X — gwiriwch eich bod wedi’i deipio’n gywir',
    });
  });
});
