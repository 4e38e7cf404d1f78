import { describe, expect, it } from 'vitest';
import { accessibilityStatement } from '../src/transport/http/accessibility-statement.ts';
import { AccessibilitySettings } from '../src/shared/organisation-settings.ts';

describe('the accessibility statement, from what the council completes', () => {
  const statement = (settings: unknown) =>
    accessibilityStatement('Northshire Council', 'northshire', AccessibilitySettings.parse(settings));

  it('says it is fully compliant, with the council’s contacts, response time and test dates', () => {
    const text = statement({
      contact: { email: 'access@northshire.gov.uk', phone: '01632 960 000' },
      responseDays: 5,
      lastTestedOn: '2026-11-20',
      testedBy: 'the Digital Accessibility Centre',
      preparedOn: '2026-11-25',
    });
    expect(text).toContain('fully compliant with the <a');
    expect(text).toContain('href="mailto:access&#64;northshire.gov.uk"'.replace('&#64;', '@'));
    expect(text).toContain('call 01632 960 000');
    expect(text).toContain('get back to you in 5 working days');
    expect(text).toContain('last tested on 20 November 2026 by the Digital Accessibility Centre');
    expect(text).toContain('prepared on 25 November 2026');
    expect(text).toContain('href="/forms/northshire/"');
  });

  it('lists what does not meet WCAG 2.2 AA as partial compliance, escaped', () => {
    const text = statement({ knownIssues: ['The date picker <b>is</b> hard to use with a screen reader'] });
    expect(text).toContain('partially compliant');
    expect(text).toContain('The date picker &#60;b&#62;is&#60;/b&#62; hard to use with a screen reader');
    expect(text).not.toContain('<b>is</b>');
  });

  it('says plainly what the council has not completed yet', () => {
    const text = statement({});
    expect(text).toContain('has not been dated by the council yet');
    expect(text).toContain('has not recorded a test');
  });

  it('refuses a date that is not YYYY-MM-DD at start', () => {
    expect(AccessibilitySettings.safeParse({ lastTestedOn: '20/11/2026' }).success).toBe(false);
  });
});
