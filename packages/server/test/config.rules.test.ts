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

  it('keys the audit trail and writes its checkpoints hourly into the data folder unless configured otherwise', () => {
    expect(loadConfig({}, '/srv/ward')).toMatchObject({
      auditKey: null,
      auditKeyFile: null,
      auditCheckpointDir: '/srv/ward/.ward-data/audit-checkpoints',
      auditCheckpointSchedule: '0 * * * *',
    });
    expect(
      loadConfig(
        {
          WARD_AUDIT_KEY: Buffer.alloc(32, 2).toString('base64'),
          WARD_AUDIT_CHECKPOINT_DIR: '/mnt/worm/ward',
          WARD_AUDIT_CHECKPOINT_SCHEDULE: '*/15 * * * *',
        },
        '/srv/ward',
      ),
    ).toMatchObject({
      auditKey: Buffer.alloc(32, 2),
      auditCheckpointDir: '/mnt/worm/ward',
      auditCheckpointSchedule: '*/15 * * * *',
    });
    expect(loadConfig({ WARD_AUDIT_KEY_FILE: 'keys/audit' }, '/srv/ward').auditKeyFile).toBe('/srv/ward/keys/audit');
    expect(loadConfig({ WARD_AUDIT_CHECKPOINT_SCHEDULE: 'off' }).auditCheckpointSchedule).toBeNull();
    expect(() => loadConfig({ WARD_AUDIT_KEY: 'c2hvcnQ=' })).toThrow(/WARD_AUDIT_KEY: must be 32 bytes, base64/);
    expect(() => loadConfig({ WARD_AUDIT_CHECKPOINT_SCHEDULE: 'hourly' })).toThrow(
      /WARD_AUDIT_CHECKPOINT_SCHEDULE: must be a cron expression of five fields/,
    );
  });

  it('ends idle staff sessions after 30 minutes unless configured otherwise', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ WARD_SESSION_IDLE_MINUTES: '15' }).sessionIdleMinutes).toBe(15);
    expect(() => loadConfig({ WARD_SESSION_IDLE_MINUTES: '1' })).toThrow(
      /WARD_SESSION_IDLE_MINUTES: must be at least 5/,
    );
  });

  it('closes a silent chat after 20 minutes unless configured otherwise, leaving room for the warning', () => {
    expect(loadConfig({}).chatInactivity).toEqual({ inactiveMinutes: 20 });
    expect(loadConfig({ WARD_CHAT_INACTIVE_MINUTES: '45' }).chatInactivity).toEqual({ inactiveMinutes: 45 });
    expect(() => loadConfig({ WARD_CHAT_INACTIVE_MINUTES: '2' })).toThrow(
      /WARD_CHAT_INACTIVE_MINUTES: must be at least 5/,
    );
  });

  it('asks residents to come back later past 200 waiting database requests unless configured otherwise', () => {
    expect(loadConfig({}).connectionQueueLimit).toBe(200);
    expect(loadConfig({ WARD_CONNECTION_QUEUE_LIMIT: '50' }).connectionQueueLimit).toBe(50);
    expect(() => loadConfig({ WARD_CONNECTION_QUEUE_LIMIT: '0' })).toThrow(
      /WARD_CONNECTION_QUEUE_LIMIT: must be at least 1/,
    );
    expect(() => loadConfig({ WARD_CONNECTION_QUEUE_LIMIT: 'many' })).toThrow(/WARD_CONNECTION_QUEUE_LIMIT/);
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

  it('turns single sign-on on with issuer, client id and secret together, and checks the group map', () => {
    const sso = {
      WARD_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
      WARD_OIDC_CLIENT_ID: '11111111-0000-4000-8000-000000000000',
      WARD_OIDC_CLIENT_SECRET: 'client-secret',
    };
    expect(loadConfig({}).singleSignOn).toBeNull();
    expect(loadConfig({}).passwordSignIn).toBe(true);
    expect(loadConfig({ ...sso, WARD_PUBLIC_URL: 'https://ward.council.example' }).singleSignOn).toEqual({
      issuer: sso.WARD_OIDC_ISSUER,
      clientId: sso.WARD_OIDC_CLIENT_ID,
      clientSecret: 'client-secret',
      redirectUri: 'https://ward.council.example/api/auth/oidc/callback',
      groupMap: {},
      label: 'Sign in with your council account',
    });
    const map = { 'group-a': { role: 'agent', departments: ['council-tax'] }, 'group-b': { role: 'admin' } };
    expect(
      loadConfig({ ...sso, WARD_OIDC_GROUP_MAP: JSON.stringify(map), WARD_OIDC_LABEL: 'Sign in with Northshire' })
        .singleSignOn,
    ).toMatchObject({
      groupMap: {
        'group-a': { role: 'agent', departments: ['council-tax'] },
        'group-b': { role: 'admin', departments: [] },
      },
      label: 'Sign in with Northshire',
    });
    expect(loadConfig({ ...sso, WARD_OIDC_PASSWORD_SIGN_IN: 'off' }).passwordSignIn).toBe(false);

    const { WARD_OIDC_CLIENT_SECRET: _, ...withoutSecret } = sso;
    expect(() => loadConfig(withoutSecret)).toThrow(
      /WARD_OIDC_CLIENT_SECRET: set WARD_OIDC_ISSUER.* together, or none/,
    );
    expect(() => loadConfig({ WARD_OIDC_GROUP_MAP: '{}' })).toThrow(
      /WARD_OIDC_GROUP_MAP is set but single sign-on is off/,
    );
    expect(() => loadConfig({ WARD_OIDC_PASSWORD_SIGN_IN: 'off' })).toThrow(/single sign-on is off/);
    expect(loadConfig({ WARD_OIDC_PASSWORD_SIGN_IN: 'on' }).passwordSignIn).toBe(true);
    expect(() => loadConfig({ ...sso, WARD_OIDC_ISSUER: 'not a url' })).toThrow(/WARD_OIDC_ISSUER: must be/);
    expect(() => loadConfig({ ...sso, WARD_OIDC_ISSUER: 'http://idp.council.example' })).toThrow(
      /WARD_OIDC_ISSUER: must start with https:\/\//,
    );
    expect(loadConfig({ ...sso, WARD_OIDC_ISSUER: 'http://localhost:8080' }).singleSignOn?.issuer).toBe(
      'http://localhost:8080',
    );
    expect(() => loadConfig({ ...sso, WARD_OIDC_ISSUER: 'https://login.microsoftonline.com/common/v2.0' })).toThrow(
      /must name your own tenant/,
    );
    expect(() => loadConfig({ ...sso, WARD_OIDC_PASSWORD_SIGN_IN: 'no' })).toThrow(
      /WARD_OIDC_PASSWORD_SIGN_IN: must be on or off/,
    );
    expect(() => loadConfig({ ...sso, WARD_OIDC_GROUP_MAP: '{group-a: agent}' })).toThrow(
      /WARD_OIDC_GROUP_MAP: must be JSON/,
    );
    expect(() => loadConfig({ ...sso, WARD_OIDC_GROUP_MAP: '{"g": {"role": "boss"}}' })).toThrow(
      /WARD_OIDC_GROUP_MAP is not valid[^]*g.role/,
    );
    expect(() => loadConfig({ ...sso, WARD_OIDC_GROUP_MAP: '{"g": {"role": "agent", "dept": []}}' })).toThrow(
      /WARD_OIDC_GROUP_MAP is not valid/,
    );
    expect(() =>
      loadConfig({ ...sso, WARD_OIDC_GROUP_MAP: '{"g": {"role": "agent", "departments": ["libraries"]}}' }),
    ).toThrow(/group g names department "libraries", which is not one of the council’s departments/);
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
    expect(config.organisation.settings.capture).toEqual({
      ipAddress: 'off',
      browser: true,
      operatingSystem: true,
      location: 'town',
    });
    expect(config.organisation.settings.consent).toBeNull();
  });

  it('takes the precision of the approximate location from WARD_LOCATION, over the organisation file (ADR 46)', () => {
    expect(loadConfig({}).organisation.settings.capture.location).toBe('town');
    expect(loadConfig({ WARD_LOCATION: 'off' }).organisation.settings.capture.location).toBe('off');
    expect(loadConfig({ WARD_LOCATION: 'region' }).organisation.settings.capture).toMatchObject({
      ipAddress: 'truncated',
      location: 'region',
    });
    expect(() => loadConfig({ WARD_LOCATION: 'street' })).toThrow(
      /WARD_LOCATION: must be off, country, region or town/,
    );
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-config-')), 'org.json');
    const settings = { topics: [{ id: 'tax', label: 'Tax' }], capture: { location: 'country' } };
    writeFileSync(file, JSON.stringify({ slug: 'northshire', name: 'Northshire Council', settings }));
    expect(loadConfig({ WARD_ORGANISATION_FILE: file }).organisation.settings.capture.location).toBe('country');
    expect(
      loadConfig({ WARD_ORGANISATION_FILE: file, WARD_LOCATION: 'off' }).organisation.settings.capture.location,
    ).toBe('off');
  });

  it('takes sensitive topics and the quick exit address, which must be a web address (ADR 31)', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-config-')), 'org.json');
    const write = (settings: Record<string, unknown>) =>
      writeFileSync(file, JSON.stringify({ slug: 'northshire', name: 'Northshire Council', settings }));
    write({ topics: [{ id: 'tax', label: 'Tax' }] });
    const plain = loadConfig({ WARD_ORGANISATION_FILE: file }).organisation.settings;
    expect(plain.topics[0]?.sensitive).toBe(false);
    expect(plain.quickExitUrl).toBe('https://www.bbc.co.uk/weather');

    write({
      topics: [{ id: 'domestic-abuse', label: 'Domestic abuse', sensitive: true }],
      quickExitUrl: 'https://www.example.com/',
    });
    const chosen = loadConfig({ WARD_ORGANISATION_FILE: file }).organisation.settings;
    expect(chosen.topics[0]?.sensitive).toBe(true);
    expect(chosen.quickExitUrl).toBe('https://www.example.com/');

    for (const quickExitUrl of ['javascript:alert(1)', 'data:text/html,hi', '/weather', 'ftp://example.com/']) {
      write({ topics: [{ id: 'tax', label: 'Tax' }], quickExitUrl });
      expect(() => loadConfig({ WARD_ORGANISATION_FILE: file })).toThrow(/settings.quickExitUrl/);
    }
  });
});
