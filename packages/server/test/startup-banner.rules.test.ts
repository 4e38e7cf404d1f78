import { describe, expect, it } from 'vitest';
import { startupBanner } from '../src/cli/startup-banner.ts';

describe('what Ward prints in a terminal at start', () => {
  it('puts the addresses and the administrator link on plain lines of their own', () => {
    const text = startupBanner({
      publicUrl: 'http://127.0.0.1:3000',
      adminLink: 'http://127.0.0.1:3000/console/invitations/abc',
      embeddedDataDir: '.ward-data',
    });
    const lines = text.split('\n');
    expect(lines).toContain('  Staff console       http://127.0.0.1:3000/console/');
    expect(lines).toContain('  http://127.0.0.1:3000/console/invitations/abc');
    expect(lines.some((line) => line.includes('.ward-data'))).toBe(true);
    expect(text).not.toContain('{');
  });

  it('says nothing of an administrator link once there are staff', () => {
    const text = startupBanner({ publicUrl: 'https://chat.council.example', adminLink: null, embeddedDataDir: null });
    expect(text).not.toMatch(/administrator/);
    expect(text).not.toMatch(/Data folder/);
    expect(text).toContain('https://chat.council.example/console/');
  });
});
