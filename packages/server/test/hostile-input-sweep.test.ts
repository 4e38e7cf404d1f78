import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { agentEvents, operations, visitorEvents, type Caller } from './support/api-operations.ts';
import { changeCount, documentedOperations, send, setUpMatrix, type Matrix } from './support/api-matrix.ts';

/**
 * Issue 8's hostile-input suite: every operation of the OpenAPI document and every realtime event
 * gets what an attacker would send — wrong shapes, operator objects, prototype keys, deeply nested
 * and oversized bodies, NUL bytes, path tricks — as a caller who may use it. Ward must answer each
 * with a 4xx, change nothing, pollute no prototype, and keep serving.
 */
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const hostileBodies: Record<string, string> = {
  'not JSON': '{"a":',
  null: 'null',
  'an array': '[]',
  'a string': '"<script>alert(1)</script>"',
  'a number': '12345678901234567890',
  'prototype keys': '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
  'nested 10,000 deep': deep(10_000),
  'over 64 KiB': JSON.stringify({ text: 'x'.repeat(70_000) }),
};
/** Each field of the valid body replaced by one of these. */
const hostileValues: Record<string, unknown> = {
  'an operator object': { $gt: '', $ne: null },
  'an array of objects': [{ $where: 'sleep(1000)' }],
  'prototype keys': JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  'a NUL byte': 'Ann\u0000Resident',
  'a lone surrogate': 'Ann\ud800',
  'a huge number': Number.MAX_SAFE_INTEGER * 1024,
  'a negative number': -1,
  'true instead of text': true,
};
const hostilePaths = ['%00', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A', "1' OR '1'='1", 'a'.repeat(5000)];

/** The caller an operation allows, so the sweep reaches past the door to the parsing and the work. */
const allowedCaller = (operation: string): Caller | null => {
  const expect = operations[operation]!.expect;
  for (const caller of ['admin', 'agentHere', 'visitor', 'apiKey', 'anonymous'] as const)
    if (expect[caller] === 'allow') return caller;
  return null;
};

describe('hostile input at every door', () => {
  let t: TestApp;
  let m: Matrix;
  beforeAll(async () => {
    t = await startTestApp();
    m = await setUpMatrix(t);
  });
  afterAll(() => t?.close());

  it(
    'answers every hostile request to every operation with a 4xx and changes nothing',
    { timeout: 300_000 },
    async () => {
      expect((await documentedOperations(t)).sort()).toEqual(Object.keys(operations).sort());
      const before = await changeCount(t, m.f);
      const wrong: string[] = [];
      const check = (label: string, status: number) => {
        if (status < 400 || status >= 500) wrong.push(`${label}: ${status}`);
      };
      for (const [operation, spec] of Object.entries(operations)) {
        const caller = allowedCaller(operation);
        if (!caller || operation === 'POST /api/auth/logout') continue;
        const valid = spec.body?.(m.f, caller);
        if (valid !== undefined) {
          for (const [name, body] of Object.entries(hostileBodies))
            check(`${operation} with ${name}`, (await send(t, m, operation, spec, caller, { body })).status);
          if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
            for (const field of Object.keys(valid)) {
              for (const [name, value] of Object.entries(hostileValues)) {
                // A value of the field's own type may be valid (true for a consent box): not hostile there.
                if (typeof value === typeof (valid as Record<string, unknown>)[field] && typeof value !== 'object')
                  continue;
                const body = JSON.stringify({ ...valid, [field]: value });
                check(
                  `${operation} with ${name} in ${field}`,
                  (await send(t, m, operation, spec, caller, { body })).status,
                );
              }
            }
          }
        }
        // Every path parameter in turn: the operation's own path with one segment replaced.
        const segments = spec.path(m.f).split('?')[0]!.split('/');
        const template = operation.split(' ')[1]!.split('/');
        for (const [index, segment] of template.entries()) {
          if (!segment.startsWith('{')) continue;
          for (const hostile of hostilePaths) {
            const path = segments.map((s, i) => (i === index ? hostile : s)).join('/');
            const label = `${operation} with ${hostile.slice(0, 20)} as ${segment}`;
            check(label, (await send(t, m, operation, spec, caller, { path })).status);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(await changeCount(t, m.f)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    },
  );

  it('answers every hostile realtime frame with a refusal, and keeps the connection serving', async () => {
    const agent = await t.agentSocket(m.auth.agentHere.cookie!);
    const visitor = await t.visitorSocket(m.f.chat.visitorToken);
    const before = await changeCount(t, m.f);
    const frames: unknown[] = [
      null,
      [],
      'text',
      42,
      JSON.parse('{"__proto__":{"polluted":"yes"}}'),
      { conversationId: { $ne: null }, afterSeq: { $gt: 0 } },
      { conversationId: m.f.chat.conversationId, clientMessageId: 'x\u0000', body: 'a\ud800', afterSeq: -1 },
    ];
    const refusals: string[] = [];
    const withAck = async (socket: typeof agent | typeof visitor, event: string, frame: unknown) => {
      const emit = socket.timeout(5_000).emitWithAck as (event: string, payload: unknown) => Promise<unknown>;
      return emit.call(socket, event, frame).catch(() => ({ ok: false, dropped: true }));
    };
    const sweep = async (who: string, socket: typeof agent | typeof visitor, events: readonly string[]) => {
      for (const event of events) {
        for (const frame of frames) {
          if (event === 'typing') {
            // Typing has no acknowledgement: it must simply not break the connection (checked below).
            (socket.emit as (event: string, payload: unknown) => void)(event, frame);
            continue;
          }
          const ack = (await withAck(socket, event, frame)) as { ok: boolean } | undefined;
          if (ack?.ok !== false) refusals.push(`${who} ${event}: ${JSON.stringify(ack)}`);
        }
      }
    };
    await sweep('agent', agent, agentEvents);
    // A visitor's end needs no payload, so any frame would end the chat: it is left out.
    await sweep(
      'visitor',
      visitor,
      visitorEvents.filter((event) => event !== 'conversation:end'),
    );
    expect(refusals).toEqual([]);
    expect(await changeCount(t, m.f)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Both connections still serve a proper request.
    const resumed = await agent.emitWithAck('resume', { conversationId: m.f.chat.conversationId, afterSeq: 0 });
    expect(resumed.ok).toBe(true);
    expect((await visitor.emitWithAck('resume', { afterSeq: 0 })).ok).toBe(true);

    // A frame over the size limit closes that connection (Socket.IO drops it unread); a new one works.
    const closed = new Promise((resolve) => visitor.once('disconnect', resolve));
    (visitor.emit as (event: string, payload: unknown) => void)('message:send', { body: 'x'.repeat(200_000) });
    await closed;
    const again = await t.visitorSocket(m.f.chat.visitorToken);
    expect((await again.emitWithAck('resume', { afterSeq: 0 })).ok).toBe(true);
    expect(await changeCount(t, m.f)).toEqual(before);
  });
});
