import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadConfig } from '../src/config.ts';
import { classifyAddress, refuseWebhookUrl } from '../src/features/webhooks/webhook-address.rules.ts';
import { maxAttempts, nextAttemptAt } from '../src/features/webhooks/webhook-backoff.rules.ts';
import {
  caseMessages,
  chatMessage,
  webhookBody,
  type CaseFacts,
  type ChatFacts,
} from '../src/features/webhooks/webhook-events.rules.ts';
import { webhookHeaders, webhookSignature } from '../src/features/webhooks/webhook-signature.ts';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = (first: fc.Arbitrary<number>) => fc.tuple(first, octet, octet, octet).map((parts) => parts.join('.'));

describe('webhook signature', () => {
  it('is v1= and the hex HMAC-SHA-256 of "<timestamp>.<body>" with the secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.string(), (secret, timestamp, body) => {
        const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
        expect(webhookSignature(secret, timestamp, body)).toBe(`v1=${expected}`);
      }),
    );
  });

  it('changes with the body, the timestamp and the secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.string(), (secret, timestamp, body) => {
        const signature = webhookSignature(secret, timestamp, body);
        expect(webhookSignature(secret, timestamp, `${body} `)).not.toBe(signature);
        expect(webhookSignature(secret, timestamp + 1, body)).not.toBe(signature);
        expect(webhookSignature(`${secret}x`, timestamp, body)).not.toBe(signature);
      }),
    );
  });

  it('sends the ids, the event and the timestamp in seconds with the signature', () => {
    const headers = webhookHeaders({
      webhookId: 'w',
      deliveryId: 'd',
      event: 'case.closed',
      secret: 's',
      body: '{}',
      now: new Date('2026-12-04T10:00:00.900Z'),
    });
    expect(headers).toMatchObject({
      'ward-webhook-id': 'w',
      'ward-delivery-id': 'd',
      'ward-event': 'case.closed',
      'ward-timestamp': '1796378400',
      'ward-signature': webhookSignature('s', 1796378400, '{}'),
    });
  });
});

describe('webhook addresses', () => {
  it('refuses every private, loopback, link-local, CGNAT, multicast and unspecified IPv4 address', () => {
    const internal = fc.oneof(
      ipv4(fc.constant(10)),
      ipv4(fc.constant(127)),
      ipv4(fc.constant(0)),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
      fc.tuple(fc.integer({ min: 64, max: 127 }), octet, octet).map(([b, c, d]) => `100.${b}.${c}.${d}`),
      ipv4(fc.integer({ min: 224, max: 255 })),
    );
    fc.assert(
      fc.property(internal, (address) => {
        expect(classifyAddress(address).allowed).toBe(false);
        // The same address mapped into IPv6 is refused too.
        expect(classifyAddress(`::ffff:${address}`).allowed).toBe(false);
      }),
    );
  });

  it('refuses the metadata address and internal IPv6 ranges, and allows public addresses', () => {
    for (const address of [
      '169.254.169.254',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'fc00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '2002:7f00:1::1',
      '64:ff9b::a00:1',
    ])
      expect(classifyAddress(address), address).toMatchObject({ allowed: false });
    for (const address of ['8.8.8.8', '151.101.0.81', '2a00:1450:4009:81f::200e', '::ffff:8.8.8.8'])
      expect(classifyAddress(address), address).toEqual({ allowed: true });
    expect(classifyAddress('not-an-address')).toMatchObject({ allowed: false });
  });

  it('allows exactly the networks the IT team listed', () => {
    const allowed = ['127.0.0.1/32', '10.20.0.0/16', 'fd00:1::/32'];
    expect(classifyAddress('127.0.0.1', allowed).allowed).toBe(true);
    expect(classifyAddress('::ffff:127.0.0.1', allowed).allowed).toBe(true);
    expect(classifyAddress('127.0.0.2', allowed).allowed).toBe(false);
    expect(classifyAddress('10.20.255.1', allowed).allowed).toBe(true);
    expect(classifyAddress('10.21.0.1', allowed).allowed).toBe(false);
    expect(classifyAddress('fd00:1:2::3', allowed).allowed).toBe(true);
    expect(classifyAddress('::1', allowed).allowed).toBe(false);
  });

  it('refuses a literal internal address in a webhook URL at once, and leaves names to each delivery', () => {
    expect(refuseWebhookUrl('http://10.0.0.1/hook', [])).toMatch(/private or internal network/);
    expect(refuseWebhookUrl('http://[::ffff:a00:1]/hook', [])).toMatch(/private or internal network/);
    expect(refuseWebhookUrl('http://10.0.0.1/hook', ['10.0.0.0/8'])).toBeNull();
    expect(refuseWebhookUrl('https://crm.council.example/ward', [])).toBeNull();
    expect(refuseWebhookUrl('https://user:pass@crm.council.example/', [])).toMatch(/user name or password/);
    expect(refuseWebhookUrl('file:///etc/passwd', [])).toMatch(/https:\/\//);
    // Other spellings of an address are the address (the URL parser writes them out).
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::ffff:7f00:1]/'])
      expect(refuseWebhookUrl(url, []), url).toMatch(/private or internal network/);
  });

  it('reads WARD_WEBHOOK_ALLOWED_NETWORKS as CIDR ranges, and stops on a wrong one', () => {
    expect(loadConfig({}).webhookAllowedNetworks).toEqual([]);
    expect(loadConfig({ WARD_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32, 10.20.0.0/16' }).webhookAllowedNetworks).toEqual([
      '127.0.0.1/32',
      '10.20.0.0/16',
    ]);
    expect(() => loadConfig({ WARD_WEBHOOK_ALLOWED_NETWORKS: 'intranet' })).toThrow(
      /WARD_WEBHOOK_ALLOWED_NETWORKS: must be IP addresses or CIDR ranges/,
    );
    expect(() => loadConfig({ WARD_WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/33' })).toThrow(/at most \/32 for IPv4/);
  });
});

describe('webhook back-off', () => {
  it('waits longer after each failure, stops after 8 attempts, within several hours', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const waits = Array.from({ length: maxAttempts }, (_, i) => nextAttemptAt(i + 1, now, 0.5));
    expect(waits.at(-1)).toBeNull();
    const seconds = waits.slice(0, -1).map((d) => (d!.getTime() - now.getTime()) / 1000);
    expect(seconds).toEqual([30, 120, 600, 1800, 3600, 7200, 14_400]);
    const total = seconds.reduce((a, b) => a + b, 0);
    expect(total / 3600).toBeGreaterThan(4);
    expect(total / 3600).toBeLessThan(12);
  });

  it('moves each wait by at most a tenth, and never gives a time in the past', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: maxAttempts - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, jitter) => {
          const now = new Date('2026-12-04T10:00:00Z');
          const base = (nextAttemptAt(n, now, 0.5)!.getTime() - now.getTime()) / 1000;
          const wait = (nextAttemptAt(n, now, jitter)!.getTime() - now.getTime()) / 1000;
          expect(wait).toBeGreaterThanOrEqual(base * 0.9 - 0.001);
          expect(wait).toBeLessThanOrEqual(base * 1.1 + 0.001);
          if (n > 1)
            expect(wait).toBeGreaterThan((nextAttemptAt(n - 1, now, jitter)!.getTime() - now.getTime()) / 1000);
        },
      ),
    );
    expect(nextAttemptAt(0, new Date(), 0)).toBeNull();
    expect(nextAttemptAt(maxAttempts, new Date(), 0)).toBeNull();
  });
});

describe('webhook events', () => {
  const facts: CaseFacts = {
    caseId: 'c1',
    caseReference: 'WRD-ABCD-EFGH',
    status: 'closed',
    departmentId: 'waste',
    conversationId: 'v1',
    createdAt: new Date('2026-12-04T09:00:00Z'),
    closedAt: new Date('2026-12-04T10:00:00Z'),
  };

  it('maps a case change to its events', () => {
    expect(caseMessages({ ...facts, status: 'open' }, { from: null, to: 'open' }).map((m) => m.event)).toEqual([
      'case.created',
    ]);
    expect(caseMessages(facts, { from: 'open', to: 'closed' }).map((m) => m.event)).toEqual([
      'case.status-changed',
      'case.closed',
    ]);
    expect(caseMessages({ ...facts, status: 'open' }, { from: 'closed', to: 'open' })).toEqual([
      expect.objectContaining({
        event: 'case.status-changed',
        data: expect.objectContaining({ previousStatus: 'closed' }),
      }),
    ]);
    expect(caseMessages(facts, undefined).map((m) => m.event)).toEqual(['case.updated']);
    expect(caseMessages(facts, { from: 'open', to: 'closed' })[1]!.data).toEqual({
      caseId: 'c1',
      caseReference: 'WRD-ABCD-EFGH',
      status: 'closed',
      previousStatus: 'open',
      departmentId: 'waste',
      conversationId: 'v1',
      createdAt: '2026-12-04T09:00:00.000Z',
      closedAt: '2026-12-04T10:00:00.000Z',
    });
  });

  it('carries only the facts given: a chat event names ids, status, reference, department and times', () => {
    const chat: ChatFacts = {
      conversationId: 'v1',
      status: 'active',
      caseId: 'c1',
      caseReference: 'WRD-ABCD-EFGH',
      departmentId: 'waste',
      startedAt: new Date('2026-12-04T09:00:00Z'),
      acceptedAt: new Date('2026-12-04T09:01:00Z'),
      endedAt: null,
    };
    const message = chatMessage('chat.accepted', chat);
    expect(Object.keys(message.data).sort()).toEqual(
      [
        'acceptedAt',
        'caseId',
        'caseReference',
        'conversationId',
        'departmentId',
        'endedAt',
        'startedAt',
        'status',
      ].sort(),
    );
    expect(JSON.parse(webhookBody(message, 'd1', new Date('2026-12-04T09:01:01Z')))).toEqual({
      id: 'd1',
      event: 'chat.accepted',
      occurredAt: '2026-12-04T09:01:01.000Z',
      data: { ...message.data },
    });
  });
});
