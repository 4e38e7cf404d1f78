import { afterAll, describe, expect, it } from 'vitest';
import { residentErrorReasons } from '@ward/protocol';
import { chooseLanguage, errorText } from '../src/app/i18n.ts';
import { cy } from '../src/app/messages-cy.ts';

describe('what the widget says for a refusal (ADR 49)', () => {
  afterAll(() => chooseLanguage('en'));

  it('says a refusal by its reason in the resident’s language, else by its code, never the server’s English', async () => {
    await chooseLanguage('cy');
    expect(errorText({ code: 'bad_request', reason: 'consent-required' })).toBe(cy.consentMissing);
    expect(errorText({ code: 'rate_limited', reason: 'chat-starts' })).toBe(cy.tooManyChats);
    expect(errorText({ code: 'bad_request', reason: 'not-a-reason' })).toBe(cy.errors.bad_request);
    expect(errorText({ code: 'bad_request' })).toBe(cy.errors.bad_request);
    expect(errorText({ code: 'teapot' })).toBe(cy.serviceProblem);
    expect(errorText(undefined)).toBe(cy.serviceProblem);
    for (const reason of residentErrorReasons) {
      const said = errorText({ code: 'bad_request', reason });
      expect(said.trim(), reason).not.toBe('');
      expect(said, reason).not.toMatch(/^(Select|Enter|Confirm|You|This|Sorry)/);
    }
  });
});
