import { describe, expect, it } from 'vitest';
import { captureAutomaticInformation } from '../src/features/conversations/automatic-information.rules.ts';
import { truncateIp } from '../src/shared/ip-address.rules.ts';

const chromeOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('automatic information captured with a chat', () => {
  it('truncates IPv4 to its /24 and IPv6 to its /48', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0');
    expect(truncateIp('::ffff:203.0.113.77')).toBe('203.0.113.0');
    expect(truncateIp('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::');
    expect(truncateIp('not an address')).toBeNull();
    expect(truncateIp('999.1.1.1')).toBeNull();
  });

  it('stores the browser and operating system, each switchable, and the IP as configured', () => {
    const request = { ip: '198.51.100.23', userAgent: chromeOnWindows };
    expect(
      captureAutomaticInformation(request, { ipAddress: 'truncated', browser: true, operatingSystem: true }),
    ).toEqual({
      ipAddress: '198.51.100.0',
      browser: 'Chrome 120',
      operatingSystem: 'Windows 10',
    });
    expect(
      captureAutomaticInformation(request, { ipAddress: 'full', browser: false, operatingSystem: true }),
    ).toMatchObject({
      ipAddress: '198.51.100.23',
      browser: null,
    });
    expect(
      captureAutomaticInformation(request, { ipAddress: 'off', browser: true, operatingSystem: false }),
    ).toMatchObject({
      ipAddress: null,
      operatingSystem: null,
    });
  });

  it('copes with a missing or junk user agent', () => {
    expect(
      captureAutomaticInformation(
        { ip: undefined, userAgent: undefined },
        { ipAddress: 'full', browser: true, operatingSystem: true },
      ),
    ).toEqual({
      ipAddress: null,
      browser: null,
      operatingSystem: null,
    });
    expect(() =>
      captureAutomaticInformation(
        { ip: '1.2.3.4', userAgent: '\u0000'.repeat(5000) },
        { ipAddress: 'full', browser: true, operatingSystem: true },
      ),
    ).not.toThrow();
  });
});
