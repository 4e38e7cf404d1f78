import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has defaults that run Ward with nothing set', () => {
    const config = loadConfig({}, '/srv/ward');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/ward/.ward-data',
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(config.organisation.slug).toBe('demo');
  });

  it('stops the start with a message that names what to fix', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ WARD_ORGANISATION_FILE: '/nonexistent/org.json' })).toThrow(/cannot read/);
    expect(() => loadConfig({ WARD_INDEX_KEY: 'c2hvcnQ=' })).toThrow(/WARD_INDEX_KEY: must be 32 bytes, base64/);
    expect(() => loadConfig({ WARD_RATE_LIMITS: 'chats=5/10m' })).toThrow(/WARD_RATE_LIMITS: "chats" is not a limit/);
    expect(() => loadConfig({ WARD_RATE_LIMITS: 'chat-starts=lots' })).toThrow(/WARD_RATE_LIMITS: .* \(or off\)/);
    expect(loadConfig({ WARD_RATE_LIMITS: 'off' }).rateLimits).toEqual({ enabled: false });
    expect(loadConfig({}).rateLimits).toMatchObject({ enabled: true, limits: { 'chat-starts': { points: 5 } } });
    expect(loadConfig({ WARD_INDEX_KEY: Buffer.alloc(32, 1).toString('base64') }).indexKey).toEqual(
      Buffer.alloc(32, 1),
    );
  });

  it('ends idle staff sessions after 30 minutes unless configured otherwise', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ WARD_SESSION_IDLE_MINUTES: '15' }).sessionIdleMinutes).toBe(15);
    expect(() => loadConfig({ WARD_SESSION_IDLE_MINUTES: '1' })).toThrow(
      /WARD_SESSION_IDLE_MINUTES: must be at least 5/,
    );
  });

  it('opens /metrics to this machine by default, and to a token or listed addresses when configured', () => {
    expect(loadConfig({}).metrics).toEqual({ token: null, allowedIps: ['127.0.0.1', '::1'] });
    expect(loadConfig({ WARD_METRICS_ALLOWED_IPS: 'none' }).metrics.allowedIps).toEqual([]);
    expect(loadConfig({ WARD_METRICS_ALLOWED_IPS: '10.0.0.0/8, 192.0.2.7' }).metrics.allowedIps).toEqual([
      '10.0.0.0/8',
      '192.0.2.7',
    ]);
    expect(() => loadConfig({ WARD_METRICS_ALLOWED_IPS: 'prometheus.local' })).toThrow(/WARD_METRICS_ALLOWED_IPS/);
    expect(() => loadConfig({ WARD_METRICS_TOKEN: 'short' })).toThrow(/WARD_METRICS_TOKEN: must be at least 24/);
  });

  it('reads and validates the organisation file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ward-config-'));
    const file = path.join(dir, 'org.json');
    writeFileSync(file, JSON.stringify({ slug: 'northshire', name: 'Northshire Council', settings: { topics: [] } }));
    expect(() => loadConfig({ WARD_ORGANISATION_FILE: file })).toThrow(/settings.topics: at least one topic/);
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'northshire',
        name: 'Northshire Council',
        settings: { topics: [{ id: 'tax', label: 'Tax' }], capture: { ipAddress: 'off' } },
      }),
    );
    const config = loadConfig({ WARD_ORGANISATION_FILE: file });
    expect(config.organisation.settings.capture).toEqual({ ipAddress: 'off', browser: true, operatingSystem: true });
    expect(config.organisation.settings.consent).toBeNull();
  });
});
